import { Policy } from './policy';
import { roundTo2, weightedScore } from './rubric';
import { Money, RECOMMENDATIONS, Recommendation, SEVERITIES, Severity, SubmittedReview, TRACKS, Track } from './types';

export interface TrackOutcome {
  status: 'complete' | 'quorum_failed';
  required: number;
  submitted: number;
}

export interface SynthesisInput {
  totalInvestment: Money;
  policy: Policy;
  reviews: SubmittedReview[];
  trackOutcomes: Record<Track, TrackOutcome>;
}

export interface SynthesisReport {
  version: 1;
  overallScore: number | null;
  trackScores: Record<
    Track,
    { score: number | null; weight: number; reviews: number; recommendations: Record<Recommendation, number>; status: TrackOutcome['status'] }
  >;
  riskPoints: Array<{ category: string; severity: Severity; sources: Array<{ track: Track; reviewerId: string; severity: Severity; description: string }> }>;
  endorsements: { vcReviews: number; willing: number; totalAmount: Money; firms: Array<{ reviewerId: string; amount: Money | null }> };
  forecast: { outlook: 'favourable' | 'moderate' | 'cautious'; expectedInvestment: Money; realisationRate: number; assumptions: string[] };
  recommendation: Recommendation;
  rules: Array<{ id: string; description: string; fired: boolean }>;
}

type MergedRisk = SynthesisReport['riskPoints'][number];
type RiskSource = MergedRisk['sources'][number];

export const FORECAST_ASSUMPTIONS: readonly string[] = Object.freeze([
  'The realisation rate starts from the overall score as a share of the maximum score of 5.',
  'Each consolidated high-severity risk lowers the realisation rate by 10 percentage points.',
  'Each track that did not reach its quorum lowers the realisation rate by 5 percentage points.',
  'The realisation rate is kept between 0 and 1; without any scored review it is 0.',
  'Co-investment endorsements are not counted as committed capital.',
  'Expected investment is the declared total investment times the realisation rate, rounded down to whole yuan.',
]);

const RULES: ReadonlyArray<{ id: string; description: string }> = [
  { id: 'R1', description: 'no_go when the overall score is below 2.5 or there is no scored review' },
  { id: 'R2', description: 'no_go when a consolidated high-severity risk was raised by two or more tracks' },
  { id: 'R3', description: 'conditional when any track did not reach its quorum' },
  { id: 'R4', description: 'go when the overall score is at least 3.5, there is no high-severity risk and at least half of the reviews recommend go' },
  { id: 'R5', description: 'conditional otherwise' },
];
const RULE_OUTCOMES: Record<string, Recommendation> = { R1: 'no_go', R2: 'no_go', R3: 'conditional', R4: 'go', R5: 'conditional' };

// Code-unit comparison, never localeCompare: the report must not depend on the host's locale.
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const trackIndex = (t: Track) => TRACKS.indexOf(t);
const severityIndex = (s: Severity) => SEVERITIES.indexOf(s);

export function normalizeCategory(category: string): string {
  return category.trim().replace(/\s+/g, ' ').toLowerCase();
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : roundTo2(values.reduce((a, b) => a + b, 0) / values.length);
}

function mergeRisks(reviews: SubmittedReview[]): MergedRisk[] {
  const byCategory = new Map<string, RiskSource[]>();
  for (const review of reviews) {
    for (const point of review.riskPoints) {
      const category = normalizeCategory(point.category);
      const sources = byCategory.get(category) ?? [];
      sources.push({ track: review.track, reviewerId: review.reviewerId, severity: point.severity, description: point.description });
      byCategory.set(category, sources);
    }
  }
  const merged: MergedRisk[] = [];
  for (const [category, sources] of byCategory) {
    sources.sort(
      (a, b) =>
        trackIndex(a.track) - trackIndex(b.track) ||
        compareStrings(a.reviewerId, b.reviewerId) ||
        compareStrings(a.description, b.description) ||
        severityIndex(a.severity) - severityIndex(b.severity),
    );
    const severity = sources.reduce<Severity>((max, s) => (severityIndex(s.severity) > severityIndex(max) ? s.severity : max), 'low');
    merged.push({ category, severity, sources });
  }
  return merged.sort((a, b) => severityIndex(b.severity) - severityIndex(a.severity) || compareStrings(a.category, b.category));
}

/** floor(amount * hundredths / 100) without leaving integer arithmetic (0.57 * 1e8 is 56999999.99… in floats). */
function shareOf(amount: number, rate: number): number {
  const hundredths = Math.round(rate * 100);
  return Math.floor(amount / 100) * hundredths + Math.floor(((amount % 100) * hundredths) / 100);
}

/** The third-party institution's report. Pure: the same reviews give the same bytes whatever their order. */
export function synthesize(input: SynthesisInput): SynthesisReport {
  const { policy, trackOutcomes, totalInvestment } = input;
  const reviews = [...input.reviews].sort((a, b) => trackIndex(a.track) - trackIndex(b.track) || compareStrings(a.taskId, b.taskId));

  const trackScores = {} as SynthesisReport['trackScores'];
  let weightedSum = 0;
  let weightSum = 0;
  for (const track of TRACKS) {
    const ofTrack = reviews.filter((r) => r.track === track);
    const score = mean(ofTrack.map((r) => weightedScore(track, r.scores)));
    const recommendations = Object.fromEntries(RECOMMENDATIONS.map((rec) => [rec, ofTrack.filter((r) => r.recommendation === rec).length])) as Record<
      Recommendation,
      number
    >;
    const weight = policy.trackWeights[track];
    trackScores[track] = { score, weight, reviews: ofTrack.length, recommendations, status: trackOutcomes[track].status };
    // Overall from the rounded track scores, so a reader can recompute it from the report.
    if (score !== null) {
      weightedSum += weight * score;
      weightSum += weight;
    }
  }
  // No weight behind any scored track means no evidence the policy counts: treat as unscored.
  const overallScore = weightSum > 0 ? roundTo2(weightedSum / weightSum) : null;

  const riskPoints = mergeRisks(reviews);
  const highRisks = riskPoints.filter((r) => r.severity === 'high');
  const quorumFailed = TRACKS.filter((t) => trackOutcomes[t].status === 'quorum_failed').length;

  const vcReviews = reviews.filter((r) => r.track === 'vc');
  const firms = vcReviews
    .filter((r) => r.coInvestment?.willing === true)
    .map((r) => ({ reviewerId: r.reviewerId, amount: r.coInvestment?.amount ? { amount: r.coInvestment.amount.amount, currency: r.coInvestment.amount.currency } : null }))
    .sort((a, b) => compareStrings(a.reviewerId, b.reviewerId));
  const endorsements: SynthesisReport['endorsements'] = {
    vcReviews: vcReviews.length,
    willing: firms.length,
    totalAmount: { amount: firms.reduce((sum, f) => sum + (f.amount?.amount ?? 0), 0), currency: totalInvestment.currency },
    firms,
  };

  const realisationRate =
    overallScore === null ? 0 : roundTo2(Math.min(1, Math.max(0, overallScore / 5 - 0.1 * highRisks.length - 0.05 * quorumFailed)));
  const forecast: SynthesisReport['forecast'] = {
    outlook: realisationRate >= 0.7 ? 'favourable' : realisationRate >= 0.5 ? 'moderate' : 'cautious',
    expectedInvestment: { amount: shareOf(totalInvestment.amount, realisationRate), currency: totalInvestment.currency },
    realisationRate,
    assumptions: [...FORECAST_ASSUMPTIONS],
  };

  const goCount = reviews.filter((r) => r.recommendation === 'go').length;
  const fired: Record<string, boolean> = {
    R1: overallScore === null || overallScore < 2.5,
    R2: highRisks.some((r) => new Set(r.sources.map((s) => s.track)).size >= 2),
    R3: quorumFailed > 0,
    R4: overallScore !== null && overallScore >= 3.5 && highRisks.length === 0 && reviews.length > 0 && goCount * 2 >= reviews.length,
  };
  fired.R5 = !(fired.R1 || fired.R2 || fired.R3 || fired.R4);
  const rules = RULES.map((rule) => ({ id: rule.id, description: rule.description, fired: fired[rule.id] }));
  const deciding = rules.find((r) => r.fired)?.id ?? 'R5'; // R5 fires whenever nothing before it did

  return {
    version: 1,
    overallScore,
    trackScores,
    riskPoints,
    endorsements,
    forecast,
    recommendation: RULE_OUTCOMES[deciding],
    rules,
  };
}

/** JSON with object keys sorted recursively (code-unit order), so equal reports give equal bytes. */
export function canonicalJson(value: unknown): string {
  return serialize(value) ?? 'null';
}

function serialize(value: unknown): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return serialize((value as { toJSON: () => unknown }).toJSON());
  }
  if (Array.isArray(value)) return `[${value.map((v) => serialize(v) ?? 'null').join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries: string[] = [];
    for (const key of Object.keys(value).sort(compareStrings)) {
      const v = serialize((value as Record<string, unknown>)[key]);
      if (v !== undefined) entries.push(`${JSON.stringify(key)}:${v}`);
    }
    return `{${entries.join(',')}}`;
  }
  // Primitives as JSON.stringify has them: undefined and functions vanish, NaN/Infinity become null.
  return JSON.stringify(value);
}
