import { DomainError } from './errors';
import { RUBRICS, roundTo2, rubricFor, rubricProblems, weightedScore } from './rubric';
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

describe('rubricProblems', () => {
  it('wants every criterion of the track scored 1-5, and no other', () => {
    expect(rubricProblems('expert', validExpertReview())).toEqual([]);
    expect(rubricProblems('expert', { ...validExpertReview(), scores: { ...EXPERT_SCORES, team: 6, foo: 3, market: undefined } })).toEqual([
      { field: 'scores.market', problem: 'is required' },
      { field: 'scores.team', problem: 'must be an integer from 1 to 5' },
      { field: 'scores.foo', problem: 'is not a criterion of the expert rubric' },
    ]);
    expect(fields(rubricProblems('vc', validExpertReview()))).toContain('scores.business_model');
  });

  it('takes a co-investment on the vc track only', () => {
    expect(rubricProblems('vc', { scores: VC_SCORES, coInvestment: { willing: false } })).toEqual([]);
    expect(rubricProblems('expert', { ...validExpertReview(), coInvestment: { willing: false } })).toEqual([{ field: 'coInvestment', problem: 'is only for the vc track' }]);
  });
});
