import { DomainError } from './errors';
import { RUBRICS, roundTo2, rubricFor, validateReview, weightedScore } from './rubric';
import { TRACKS, Track } from './types';

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

describe('RUBRICS', () => {
  it('has version 1 and the expected criteria for each track, in order', () => {
    expect(RUBRICS.expert.criteria.map((c) => c.key)).toEqual(['technology', 'market', 'industry_chain_fit', 'team', 'feasibility']);
    expect(RUBRICS.vc.criteria.map((c) => c.key)).toEqual(['business_model', 'financials', 'valuation', 'exit', 'capital_endorsement']);
    expect(RUBRICS.academic.criteria.map((c) => c.key)).toEqual(['novelty', 'ip_strength', 'research_team', 'technology_readiness', 'talent']);
    for (const track of TRACKS) {
      expect(RUBRICS[track].version).toBe(1);
      expect(RUBRICS[track].track).toBe(track);
    }
  });

  it.each(TRACKS)('%s weights are positive and add up to 1, every criterion has a label', (track) => {
    const { criteria } = rubricFor(track);
    expect(criteria.every((c) => c.weight > 0 && c.label.length > 0)).toBe(true);
    expect(criteria.reduce((sum, c) => sum + c.weight, 0)).toBeCloseTo(1, 12);
  });

  it('cannot be mutated by a caller', () => {
    const criteria = rubricFor('expert').criteria;
    expect(() => {
      criteria[0].weight = 1;
    }).toThrow(TypeError);
    expect(() => criteria.push({ key: 'x', label: 'x', weight: 0 })).toThrow(TypeError);
  });

  it('refuses an unknown track', () => {
    expect(() => rubricFor('board' as Track)).toThrow(DomainError);
  });
});

describe('weightedScore', () => {
  it('is the weighted mean of the criteria, rounded to 2 decimals', () => {
    // 0.3*5 + 0.2*3 + 0.2*4 + 0.15*3 + 0.15*2 = 3.65
    expect(weightedScore('expert', { technology: 5, market: 3, industry_chain_fit: 4, team: 3, feasibility: 2 })).toBe(3.65);
    // 0.25*3 + 0.2*3 + 0.2*2 + 0.15*3 + 0.2*4 = 3.0
    expect(weightedScore('vc', { business_model: 3, financials: 3, valuation: 2, exit: 3, capital_endorsement: 4 })).toBe(3);
    // 0.25*5 + 0.2*4 + 0.2*4 + 0.2*3 + 0.15*4 = 4.05
    expect(weightedScore('academic', { novelty: 5, ip_strength: 4, research_team: 4, technology_readiness: 3, talent: 4 })).toBe(4.05);
    // 0.25*1 + 0.2*2 + 0.2*1 + 0.2*1 + 0.15*2 = 1.35
    expect(weightedScore('academic', { novelty: 1, ip_strength: 2, research_team: 1, technology_readiness: 1, talent: 2 })).toBe(1.35);
  });

  it('gives the score itself when every criterion has the same score', () => {
    expect(weightedScore('expert', EXPERT_SCORES)).toBe(4);
    expect(weightedScore('vc', VC_SCORES)).toBe(3);
  });

  it('ignores keys that are not criteria and throws when a criterion is missing or out of range', () => {
    expect(weightedScore('vc', { ...VC_SCORES, extra: 1 })).toBe(3);
    const { exit: _omit, ...missing } = VC_SCORES;
    void _omit;
    expect(() => weightedScore('vc', missing)).toThrow(DomainError);
    expect(() => weightedScore('vc', { ...VC_SCORES, exit: 6 })).toThrow(DomainError);
  });
});

describe('roundTo2', () => {
  it('rounds half up despite binary noise and never gives -0', () => {
    expect(roundTo2(3.825)).toBe(3.83); // 3.825 is 3.82499999… as a double
    expect(roundTo2(1.005)).toBe(1.01);
    expect(roundTo2(3.5945)).toBe(3.59);
    expect(roundTo2(0.618)).toBe(0.62);
    expect(Object.is(roundTo2(-0.001), 0)).toBe(true);
  });
});

describe('validateReview', () => {
  it('accepts a valid review on each track', () => {
    expect(validateReview('expert', validExpertReview())).toEqual([]);
    expect(
      validateReview('vc', {
        scores: VC_SCORES,
        recommendation: 'conditional',
        riskPoints: [],
        comments: 'ok',
        coInvestment: { willing: true, amount: { amount: 5_000_000, currency: 'CNY' } },
      }),
    ).toEqual([]);
    expect(validateReview('vc', { scores: VC_SCORES, recommendation: 'no_go', riskPoints: [], comments: '', coInvestment: { willing: false } })).toEqual([]);
    expect(
      validateReview('academic', {
        scores: { novelty: 1, ip_strength: 2, research_team: 3, technology_readiness: 4, talent: 5 },
        recommendation: 'go',
        riskPoints: [],
        comments: '',
      }),
    ).toEqual([]);
  });

  it('rejects a non-object with one problem on the empty field', () => {
    for (const input of [null, undefined, 'review', 42, [validExpertReview()]]) {
      const problems = validateReview('expert', input);
      expect(problems).toHaveLength(1);
      expect(problems[0].field).toBe('');
    }
  });

  it('reports every problem at once, by dotted path', () => {
    const problems = validateReview('expert', {
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
        { field: 'comments', problem: 'must be a string of at most 10000 characters' },
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
    expect(fields(validateReview('academic', {}))).toEqual(['comments', 'recommendation', 'riskPoints', 'scores']);
    const missingScores = validateReview('academic', { scores: {}, recommendation: 'go', riskPoints: [], comments: '' });
    expect(missingScores).toEqual(
      ['novelty', 'ip_strength', 'research_team', 'technology_readiness', 'talent'].map((k) => ({ field: `scores.${k}`, problem: 'is required' })),
    );
    expect(validateReview('expert', { ...validExpertReview(), comments: undefined })).toEqual([{ field: 'comments', problem: 'is required' }]);
    expect(validateReview('expert', { ...validExpertReview(), comments: 5 })).toEqual([
      { field: 'comments', problem: 'must be a string of at most 10000 characters' },
    ]);
  });

  it('names criteria of the track being reviewed, not of another rubric', () => {
    const problems = validateReview('vc', { ...validExpertReview() });
    expect(problems).toContainEqual({ field: 'scores.technology', problem: 'is not a criterion of the vc rubric' });
    expect(problems).toContainEqual({ field: 'scores.business_model', problem: 'is required' });
  });

  it('accepts the limits exactly and refuses one past them', () => {
    const atLimit = {
      ...validExpertReview(),
      riskPoints: Array.from({ length: 50 }, () => ({ category: 'c'.repeat(100), severity: 'high', description: 'd'.repeat(2000) })),
      comments: 'c'.repeat(10000),
    };
    expect(validateReview('expert', atLimit)).toEqual([]);
    const overLimit = { ...atLimit, riskPoints: [...atLimit.riskPoints, atLimit.riskPoints[0]] };
    expect(validateReview('expert', overLimit)).toEqual([{ field: 'riskPoints', problem: 'must have at most 50 entries' }]);
    expect(fields(validateReview('expert', { ...validExpertReview(), riskPoints: {} }))).toEqual(['riskPoints']);
  });

  it('counts characters, not UTF-16 units, and refuses blank text', () => {
    const emoji = '😀'.repeat(100); // 200 UTF-16 units, 100 characters
    expect(validateReview('expert', { ...validExpertReview(), riskPoints: [{ category: emoji, severity: 'low', description: '风险' }] })).toEqual([]);
    expect(fields(validateReview('expert', { ...validExpertReview(), riskPoints: [{ category: '   ', severity: 'low', description: 'x' }] }))).toEqual([
      'riskPoints.0.category',
    ]);
  });

  it('checks coInvestment on the vc track', () => {
    const base = { scores: VC_SCORES, recommendation: 'go', riskPoints: [], comments: '' };
    expect(validateReview('vc', { ...base, coInvestment: { willing: false, amount: { amount: 1, currency: 'CNY' } } })).toEqual([
      { field: 'coInvestment.amount', problem: 'is only allowed when willing is true' },
    ]);
    expect(fields(validateReview('vc', { ...base, coInvestment: { willing: 'yes', amount: { amount: -1, currency: 'USD' }, firm: 'x' } }))).toEqual([
      'coInvestment.amount.amount',
      'coInvestment.amount.currency',
      'coInvestment.firm',
      'coInvestment.willing',
    ]);
    expect(validateReview('vc', { ...base, coInvestment: true })).toEqual([{ field: 'coInvestment', problem: 'must be an object {willing, amount?}' }]);
    expect(validateReview('academic', { ...base, scores: { novelty: 3, ip_strength: 3, research_team: 3, technology_readiness: 3, talent: 3 }, coInvestment: { willing: false } })).toEqual([
      { field: 'coInvestment', problem: 'is only for the vc track' },
    ]);
  });
});
