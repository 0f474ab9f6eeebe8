import { DEFAULT_POLICY } from './policy';
import { RUBRICS } from './rubric';
import { SynthesisInput, SynthesisReport, TrackOutcome, canonicalJson, synthesize } from './synthesis';
import { CoInvestment, Recommendation, RiskPoint, SubmittedReview, TRACKS, Track } from './types';

function scoresOf(track: Track, values: number[]): Record<string, number> {
  return Object.fromEntries(RUBRICS[track].criteria.map((c, i) => [c.key, values[i]]));
}

function review(
  track: Track,
  id: string,
  scores: number | number[],
  recommendation: Recommendation,
  riskPoints: RiskPoint[] = [],
  coInvestment?: CoInvestment,
): SubmittedReview {
  return {
    taskId: `t-${id}`,
    reviewerId: `rev-${id}`,
    track,
    submittedAt: '2025-03-01T09:00:00.000Z',
    scores: scoresOf(track, typeof scores === 'number' ? [scores, scores, scores, scores, scores] : scores),
    recommendation,
    riskPoints,
    comments: '',
    ...(coInvestment ? { coInvestment } : {}),
  };
}

function outcomes(failed: Track[] = []): Record<Track, TrackOutcome> {
  const result = {} as Record<Track, TrackOutcome>;
  for (const t of TRACKS) {
    const required = DEFAULT_POLICY.quorum[t];
    result[t] = failed.includes(t) ? { status: 'quorum_failed', required, submitted: 0 } : { status: 'complete', required, submitted: required };
  }
  return result;
}

function input(reviews: SubmittedReview[], failed: Track[] = [], amount = 200_000_000): SynthesisInput {
  return { totalInvestment: { amount, currency: 'CNY' }, policy: DEFAULT_POLICY, reviews, trackOutcomes: outcomes(failed) };
}

const firedRules = (report: SynthesisReport) => report.rules.filter((r) => r.fired).map((r) => r.id);

/** Every ordering of a small list. */
function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** The same review with its object keys and risk points in reverse order. */
function reordered(r: SubmittedReview): SubmittedReview {
  const reversedKeys = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).reverse()) as T;
  return reversedKeys({ ...r, scores: reversedKeys(r.scores), riskPoints: [...r.riskPoints].reverse().map(reversedKeys) });
}

// Hand-computed example (DEFAULT_POLICY weights expert 0.4, vc 0.35, academic 0.25):
//   e1 expert all 4                          → 4.00
//   e2 expert 5,3,4,3,2 (.3 .2 .2 .15 .15)   → 1.5+0.6+0.8+0.45+0.3 = 3.65
//   expert track mean (4 + 3.65) / 2 = 3.825 → 3.83
//   v1 vc 3,3,2,3,4 (.25 .2 .2 .15 .2)       → 0.75+0.6+0.4+0.45+0.8 = 3.00
//   a1 academic 5,4,4,3,4 (.25 .2 .2 .2 .15) → 1.25+0.8+0.8+0.6+0.6 = 4.05
//   overall 0.4*3.83 + 0.35*3 + 0.25*4.05 = 1.532 + 1.05 + 1.0125 = 3.5945 → 3.59
//   one merged high risk: rate 3.59/5 - 0.1 = 0.618 → 0.62; 200,000,000 * 0.62 = 124,000,000
const example: SubmittedReview[] = [
  review('expert', 'e1', 4, 'go', [{ category: 'Market ', severity: 'low', description: 'Crowded market' }]),
  review('expert', 'e2', [5, 3, 4, 3, 2], 'conditional', [{ category: 'Supply   Chain', severity: 'high', description: 'Single wafer supplier' }]),
  review('vc', 'v1', [3, 3, 2, 3, 4], 'go', [{ category: 'market', severity: 'medium', description: 'Pricing pressure' }], {
    willing: true,
    amount: { amount: 30_000_000, currency: 'CNY' },
  }),
  review('academic', 'a1', [5, 4, 4, 3, 4], 'go', [{ category: 'IP', severity: 'low', description: 'Patent pending' }]),
];

describe('synthesize', () => {
  it('produces the hand-computed report', () => {
    const report = synthesize(input(example));
    expect(report).toEqual({
      version: 1,
      overallScore: 3.59,
      trackScores: {
        expert: { score: 3.83, weight: 0.4, reviews: 2, recommendations: { go: 1, conditional: 1, no_go: 0 }, status: 'complete' },
        vc: { score: 3, weight: 0.35, reviews: 1, recommendations: { go: 1, conditional: 0, no_go: 0 }, status: 'complete' },
        academic: { score: 4.05, weight: 0.25, reviews: 1, recommendations: { go: 1, conditional: 0, no_go: 0 }, status: 'complete' },
      },
      riskPoints: [
        {
          category: 'supply chain',
          severity: 'high',
          sources: [{ track: 'expert', reviewerId: 'rev-e2', severity: 'high', description: 'Single wafer supplier' }],
        },
        {
          category: 'market',
          severity: 'medium',
          sources: [
            { track: 'expert', reviewerId: 'rev-e1', severity: 'low', description: 'Crowded market' },
            { track: 'vc', reviewerId: 'rev-v1', severity: 'medium', description: 'Pricing pressure' },
          ],
        },
        { category: 'ip', severity: 'low', sources: [{ track: 'academic', reviewerId: 'rev-a1', severity: 'low', description: 'Patent pending' }] },
      ],
      endorsements: {
        vcReviews: 1,
        willing: 1,
        totalAmount: { amount: 30_000_000, currency: 'CNY' },
        firms: [{ reviewerId: 'rev-v1', amount: { amount: 30_000_000, currency: 'CNY' } }],
      },
      forecast: {
        outlook: 'moderate',
        expectedInvestment: { amount: 124_000_000, currency: 'CNY' },
        realisationRate: 0.62,
        assumptions: expect.any(Array),
      },
      recommendation: 'conditional',
      rules: [
        { id: 'R1', description: expect.any(String), fired: false },
        { id: 'R2', description: expect.any(String), fired: false },
        { id: 'R3', description: expect.any(String), fired: false },
        { id: 'R4', description: expect.any(String), fired: false },
        { id: 'R5', description: expect.any(String), fired: true },
      ],
    });
    expect(report.forecast.assumptions.length).toBeGreaterThan(0);
    expect(report.forecast.assumptions.every((a) => typeof a === 'string' && a.length > 0)).toBe(true);
  });

  it('uses the policy track weights', () => {
    const policy = { ...DEFAULT_POLICY, trackWeights: { expert: 0, vc: 0.5, academic: 0.5 } };
    const report = synthesize({ ...input(example), policy });
    // 0.5*3 + 0.5*4.05 = 3.525 → 3.53; the expert score is shown but carries no weight
    expect(report.overallScore).toBe(3.53);
    expect(report.trackScores.expert).toMatchObject({ score: 3.83, weight: 0 });
  });

  it('computes the expected investment in whole yuan without float error', () => {
    // expert 3, vc 3, academic 2,2,3,3,2 → 0.5+0.4+0.6+0.6+0.3 = 2.4; overall 1.2 + 1.05 + 0.6 = 2.85; rate 0.57
    const report = synthesize(input([review('expert', 'e', 3, 'go'), review('vc', 'v', 3, 'go'), review('academic', 'a', [2, 2, 3, 3, 2], 'go')], [], 100_000_000));
    expect(report.overallScore).toBe(2.85);
    expect(report.forecast.realisationRate).toBe(0.57);
    expect(report.forecast.expectedInvestment).toEqual({ amount: 57_000_000, currency: 'CNY' }); // naive floor gives 56,999,999
    expect(report.forecast.outlook).toBe('moderate');
  });

  describe('risk points', () => {
    it('merges by normalized category, keeps the highest severity and every source in a fixed order', () => {
      const report = synthesize(
        input([
          review('academic', 'a1', 4, 'go', [{ category: 'Regulatory  approval', severity: 'medium', description: 'NMPA class III' }]),
          review('vc', 'v1', 4, 'go', [{ category: 'regulatory approval', severity: 'low', description: 'Slow' }]),
          review('expert', 'e2', 4, 'go', [
            { category: ' REGULATORY APPROVAL', severity: 'low', description: 'b: trials' },
            { category: 'Regulatory approval', severity: 'low', description: 'a: timeline' },
          ]),
          review('expert', 'e1', 4, 'go', [
            { category: 'Regulatory approval', severity: 'high', description: 'No clinical data' },
            { category: 'team', severity: 'high', description: 'No CTO' },
            { category: 'cash', severity: 'low', description: 'Runway 6 months' },
            { category: 'Cash', severity: 'low', description: 'Runway 6 months' },
          ]),
        ]),
      );
      expect(report.riskPoints.map((r) => [r.category, r.severity, r.sources.length])).toEqual([
        ['regulatory approval', 'high', 5],
        ['team', 'high', 1],
        ['cash', 'low', 2],
      ]);
      expect(report.riskPoints[0].sources).toEqual([
        { track: 'expert', reviewerId: 'rev-e1', severity: 'high', description: 'No clinical data' },
        { track: 'expert', reviewerId: 'rev-e2', severity: 'low', description: 'a: timeline' },
        { track: 'expert', reviewerId: 'rev-e2', severity: 'low', description: 'b: trials' },
        { track: 'vc', reviewerId: 'rev-v1', severity: 'low', description: 'Slow' },
        { track: 'academic', reviewerId: 'rev-a1', severity: 'medium', description: 'NMPA class III' },
      ]);
    });
  });

  describe('recommendation rules', () => {
    it('R1: no_go when the overall score is below 2.5', () => {
      const report = synthesize(input([review('expert', 'e1', 2, 'go'), review('expert', 'e2', 2, 'go'), review('vc', 'v', 2, 'go'), review('academic', 'a', 2, 'go')]));
      expect(report.overallScore).toBe(2);
      expect(report.recommendation).toBe('no_go');
      expect(firedRules(report)).toEqual(['R1']);
      expect(report.forecast).toMatchObject({ realisationRate: 0.4, outlook: 'cautious', expectedInvestment: { amount: 80_000_000, currency: 'CNY' } });
    });

    it('R1 does not fire at exactly 2.5', () => {
      const report = synthesize(
        input([
          review('expert', 'e1', 2, 'go'),
          review('expert', 'e2', 3, 'go'),
          review('vc', 'v1', 2, 'go'),
          review('vc', 'v2', 3, 'go'),
          review('academic', 'a1', 2, 'go'),
          review('academic', 'a2', 3, 'go'),
        ]),
      );
      expect(report.overallScore).toBe(2.5);
      expect(firedRules(report)).toEqual(['R5']);
      expect(report.recommendation).toBe('conditional');
    });

    it('R1: no_go with a null score when there is no review at all', () => {
      const report = synthesize(input([], ['expert', 'vc', 'academic']));
      expect(report.overallScore).toBeNull();
      expect(TRACKS.map((t) => report.trackScores[t].score)).toEqual([null, null, null]);
      expect(report.trackScores.vc).toMatchObject({ reviews: 0, status: 'quorum_failed', recommendations: { go: 0, conditional: 0, no_go: 0 } });
      expect(report.recommendation).toBe('no_go');
      expect(firedRules(report)).toEqual(['R1', 'R3']);
      expect(report.forecast).toMatchObject({ realisationRate: 0, outlook: 'cautious', expectedInvestment: { amount: 0, currency: 'CNY' } });
      expect(report.endorsements).toEqual({ vcReviews: 0, willing: 0, totalAmount: { amount: 0, currency: 'CNY' }, firms: [] });
    });

    it('R2: no_go when a high-severity risk is raised by two tracks', () => {
      const report = synthesize(
        input([
          review('expert', 'e1', 4, 'go', [{ category: 'Export controls', severity: 'high', description: 'EUV tools' }]),
          review('expert', 'e2', 4, 'go'),
          review('vc', 'v', 4, 'go', [{ category: 'export controls', severity: 'low', description: 'Sanctions exposure' }]),
          review('academic', 'a', 4, 'go'),
        ]),
      );
      expect(report.overallScore).toBe(4);
      expect(report.recommendation).toBe('no_go');
      expect(firedRules(report)).toEqual(['R2']);
    });

    it('R2 does not fire when the high risk comes from one track only', () => {
      const risk: RiskPoint = { category: 'Export controls', severity: 'high', description: 'EUV tools' };
      const report = synthesize(input([review('expert', 'e1', 4, 'go', [risk]), review('expert', 'e2', 4, 'go', [risk]), review('vc', 'v', 4, 'go'), review('academic', 'a', 4, 'go')]));
      expect(firedRules(report)).toEqual(['R5']);
      expect(report.recommendation).toBe('conditional');
      // 4/5 - 0.1 for the one merged high risk
      expect(report.forecast.realisationRate).toBe(0.7);
      expect(report.forecast.outlook).toBe('favourable');
    });

    it('R3: conditional when a track failed quorum, with later rules still computed', () => {
      const report = synthesize(input([review('expert', 'e1', 4, 'go'), review('expert', 'e2', 4, 'go'), review('vc', 'v', 4, 'go')], ['academic']));
      // overall over the scored tracks only: (0.4*4 + 0.35*4) / 0.75 = 4
      expect(report.overallScore).toBe(4);
      expect(report.trackScores.academic).toMatchObject({ score: null, status: 'quorum_failed', reviews: 0 });
      expect(report.recommendation).toBe('conditional');
      expect(firedRules(report)).toEqual(['R3', 'R4']);
      // 4/5 - 0.05 for the failed track
      expect(report.forecast.realisationRate).toBe(0.75);
    });

    it('R4: go at overall 3.5 with no high risk and exactly half the reviews recommending go', () => {
      const report = synthesize(
        input([
          review('expert', 'e1', 3, 'go'),
          review('expert', 'e2', 4, 'no_go'),
          review('vc', 'v1', 3, 'go'),
          review('vc', 'v2', 4, 'conditional', [{ category: 'valuation', severity: 'medium', description: 'Rich' }]),
          review('academic', 'a1', 3, 'conditional'),
          review('academic', 'a2', 4, 'go'),
        ]),
      );
      expect(report.overallScore).toBe(3.5);
      expect(report.recommendation).toBe('go');
      expect(firedRules(report)).toEqual(['R4']);
    });

    it('R5: conditional when fewer than half recommend go', () => {
      const report = synthesize(input([review('expert', 'e1', 4, 'go'), review('expert', 'e2', 4, 'conditional'), review('vc', 'v', 4, 'no_go'), review('academic', 'a', 4, 'conditional')]));
      expect(report.overallScore).toBe(4);
      expect(firedRules(report)).toEqual(['R5']);
      expect(report.recommendation).toBe('conditional');
    });

    it('R5: conditional when the score is between 2.5 and 3.5', () => {
      const report = synthesize(input([review('expert', 'e1', 3, 'go'), review('expert', 'e2', 3, 'go'), review('vc', 'v', 3, 'go'), review('academic', 'a', 3, 'go')]));
      expect(firedRules(report)).toEqual(['R5']);
      expect(report.recommendation).toBe('conditional');
    });

    it('lists every rule once, in fixed order', () => {
      expect(synthesize(input(example)).rules.map((r) => r.id)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5']);
    });
  });

  it('collects endorsements from willing vc reviews only, sorted by reviewer', () => {
    const report = synthesize(
      input([
        review('expert', 'e', 4, 'go', [], { willing: true, amount: { amount: 99, currency: 'CNY' } }),
        review('vc', 'b', 4, 'go', [], { willing: true, amount: { amount: 10_000_000, currency: 'CNY' } }),
        review('vc', 'c', 4, 'go', [], { willing: false }),
        review('vc', 'a', 4, 'go', [], { willing: true }),
        review('vc', 'd', 4, 'go'),
        review('vc', 'e2', 4, 'go', [], { willing: true, amount: { amount: 2_500_000, currency: 'CNY' } }),
      ]),
    );
    expect(report.endorsements).toEqual({
      vcReviews: 5,
      willing: 3,
      totalAmount: { amount: 12_500_000, currency: 'CNY' },
      firms: [
        { reviewerId: 'rev-a', amount: null },
        { reviewerId: 'rev-b', amount: { amount: 10_000_000, currency: 'CNY' } },
        { reviewerId: 'rev-e2', amount: { amount: 2_500_000, currency: 'CNY' } },
      ],
    });
  });

  it('gives byte-identical output whatever the order of reviews, risk points and keys', () => {
    const expected = canonicalJson(synthesize(input(example)));
    for (const ordering of permutations(example)) {
      expect(canonicalJson(synthesize(input(ordering)))).toBe(expected);
      expect(canonicalJson(synthesize(input(ordering.map(reordered).reverse())))).toBe(expected);
    }
    const manyRisks = [
      review('expert', 'x', 4, 'go', [
        { category: 'A', severity: 'low', description: 'same' },
        { category: 'a', severity: 'high', description: 'same' },
        { category: 'b', severity: 'medium', description: 'z' },
      ]),
      review('vc', 'y', 4, 'go', [{ category: ' A ', severity: 'medium', description: 'same' }]),
    ];
    expect(canonicalJson(synthesize(input(manyRisks.map(reordered).reverse())))).toBe(canonicalJson(synthesize(input(manyRisks))));
  });

  it('does not modify its input', () => {
    const given = input(example);
    const before = JSON.stringify(given);
    synthesize(given);
    expect(JSON.stringify(given)).toBe(before);
  });
});

describe('canonicalJson', () => {
  it('sorts object keys recursively and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('sorts integer-like keys as strings, which JSON.stringify would not', () => {
    expect(canonicalJson({ b: 1, '10': 2, '9': 3 })).toBe('{"10":2,"9":3,"b":1}');
  });

  it('follows JSON for undefined, non-finite numbers and strings', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, NaN], c: 'quote " and 中文' })).toBe('{"b":[null,null],"c":"quote \\" and 中文"}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson(-0)).toBe('0');
  });

  it('parses back to an equal value', () => {
    const report = synthesize(input(example));
    expect(JSON.parse(canonicalJson(report))).toEqual(report);
  });
});
