import { reviewProblems } from './task.request';

const EXPERT_SCORES = { technology: 4, market: 4, industry_chain_fit: 4, team: 4, feasibility: 4 };
const VC_SCORES = { business_model: 3, financials: 3, valuation: 3, exit: 3, capital_endorsement: 3 };

function validExpertReview(): Record<string, unknown> {
  return {
    scores: { ...EXPERT_SCORES },
    recommendation: 'go',
    riskPoints: [{ category: 'Market', severity: 'medium', description: 'Crowded market' }],
    comments: '',
  };
}

const fields = (problems: Array<{ field: string }>) => problems.map((p) => p.field).sort();

describe('reviewProblems (ReviewBody and the rubric)', () => {
  it('accepts a valid review on each track', () => {
    expect(reviewProblems('expert', validExpertReview())).toEqual([]);
    expect(
      reviewProblems('vc', {
        scores: VC_SCORES,
        recommendation: 'conditional',
        riskPoints: [],
        comments: 'ok',
        coInvestment: { willing: true, amount: { amount: 5_000_000, currency: 'CNY' } },
      }),
    ).toEqual([]);
    expect(reviewProblems('vc', { scores: VC_SCORES, recommendation: 'no_go', riskPoints: [], comments: '', coInvestment: { willing: false } })).toEqual([]);
    expect(
      reviewProblems('academic', {
        scores: { novelty: 1, ip_strength: 2, research_team: 3, technology_readiness: 4, talent: 5 },
        recommendation: 'go',
        riskPoints: [],
        comments: '',
      }),
    ).toEqual([]);
  });

  it('rejects a non-object with one problem on the empty field', () => {
    for (const input of [null, undefined, 'review', 42, [validExpertReview()]]) {
      const problems = reviewProblems('expert', input);
      expect(problems).toHaveLength(1);
      expect(problems[0].field).toBe('');
    }
  });

  it('reports every problem at once, by dotted path', () => {
    const problems = reviewProblems('expert', {
      scores: { technology: 0, market: 3.5, team: '4', feasibility: 5, foo: 3 },
      recommendation: 'maybe',
      riskPoints: [
        { category: '', severity: 'critical', description: 'x'.repeat(2001) },
        'not an object',
        { category: 'c'.repeat(101), severity: 'low', description: 'fine', extra: true },
      ],
      comments: 'c'.repeat(10001),
      coInvestment: { willing: true },
      surprise: 1,
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'scores.technology', problem: 'must be an integer from 1 to 5' },
        { field: 'scores.market', problem: 'must be an integer from 1 to 5' },
        { field: 'scores.industry_chain_fit', problem: 'is required' },
        { field: 'scores.team', problem: 'must be an integer from 1 to 5' },
        { field: 'scores.foo', problem: 'is not a criterion of the expert rubric' },
        { field: 'recommendation', problem: 'must be one of go, conditional, no_go' },
        { field: 'riskPoints.0.severity', problem: 'must be one of low, medium, high' },
        { field: 'comments', problem: 'must be at most 10000 characters' },
        { field: 'coInvestment', problem: 'is only for the vc track' },
        { field: 'surprise', problem: 'is not a known field' },
        { field: 'riskPoints.2.extra', problem: 'is not a known field' },
      ]),
    );
    expect(fields(problems)).toEqual(
      [
        'comments',
        'coInvestment',
        'recommendation',
        'riskPoints.0.category',
        'riskPoints.0.description',
        'riskPoints.0.severity',
        'riskPoints.1',
        'riskPoints.2.category',
        'riskPoints.2.extra',
        'scores.foo',
        'scores.industry_chain_fit',
        'scores.market',
        'scores.team',
        'scores.technology',
        'surprise',
      ].sort(),
    );
  });

  it('requires scores, recommendation, riskPoints and comments', () => {
    expect(fields(reviewProblems('academic', {}))).toEqual(['comments', 'recommendation', 'riskPoints', 'scores']);
    const missingScores = reviewProblems('academic', { scores: {}, recommendation: 'go', riskPoints: [], comments: '' });
    expect(missingScores).toEqual(
      ['novelty', 'ip_strength', 'research_team', 'technology_readiness', 'talent'].map((k) => ({ field: `scores.${k}`, problem: 'is required' })),
    );
    expect(reviewProblems('expert', { ...validExpertReview(), comments: undefined })).toEqual([{ field: 'comments', problem: 'is required' }]);
    expect(reviewProblems('expert', { ...validExpertReview(), comments: 5 })).toEqual([{ field: 'comments', problem: 'must be a string' }]);
  });

  it('names criteria of the track being reviewed, not of another rubric', () => {
    const problems = reviewProblems('vc', { ...validExpertReview() });
    expect(problems).toContainEqual({ field: 'scores.technology', problem: 'is not a criterion of the vc rubric' });
    expect(problems).toContainEqual({ field: 'scores.business_model', problem: 'is required' });
  });

  it('accepts the limits exactly and refuses one past them', () => {
    const atLimit = {
      ...validExpertReview(),
      riskPoints: Array.from({ length: 50 }, () => ({ category: 'c'.repeat(100), severity: 'high', description: 'd'.repeat(2000) })),
      comments: 'c'.repeat(10000),
    };
    expect(reviewProblems('expert', atLimit)).toEqual([]);
    const overLimit = { ...atLimit, riskPoints: [...atLimit.riskPoints, atLimit.riskPoints[0]] };
    expect(reviewProblems('expert', overLimit)).toEqual([{ field: 'riskPoints', problem: 'must have at most 50 entries' }]);
    expect(fields(reviewProblems('expert', { ...validExpertReview(), riskPoints: {} }))).toEqual(['riskPoints']);
  });

  it('counts characters, not UTF-16 units, and refuses blank text', () => {
    const emoji = '😀'.repeat(100); // 200 UTF-16 units, 100 characters
    expect(reviewProblems('expert', { ...validExpertReview(), riskPoints: [{ category: emoji, severity: 'low', description: '风险' }] })).toEqual([]);
    expect(fields(reviewProblems('expert', { ...validExpertReview(), riskPoints: [{ category: '   ', severity: 'low', description: 'x' }] }))).toEqual([
      'riskPoints.0.category',
    ]);
  });

  it('checks coInvestment on the vc track', () => {
    const base = { scores: VC_SCORES, recommendation: 'go', riskPoints: [], comments: '' };
    expect(reviewProblems('vc', { ...base, coInvestment: { willing: false, amount: { amount: 1, currency: 'CNY' } } })).toEqual([
      { field: 'coInvestment.amount', problem: 'is only allowed when willing is true' },
    ]);
    expect(fields(reviewProblems('vc', { ...base, coInvestment: { willing: 'yes', amount: { amount: -1, currency: 'USD' }, firm: 'x' } }))).toEqual([
      'coInvestment.amount.amount',
      'coInvestment.amount.currency',
      'coInvestment.firm',
      'coInvestment.willing',
    ]);
    expect(reviewProblems('vc', { ...base, coInvestment: true })).toEqual([{ field: 'coInvestment', problem: 'must be an object {willing, amount?}' }]);
    expect(reviewProblems('academic', { ...base, scores: { novelty: 3, ip_strength: 3, research_team: 3, technology_readiness: 3, talent: 3 }, coInvestment: { willing: false } })).toEqual([
      { field: 'coInvestment', problem: 'is only for the vc track' },
    ]);
  });
});
