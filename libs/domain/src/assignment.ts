import { Sector, Track } from './types';

export interface ReviewerCandidate {
  id: string;
  name: string;
  tracks: Track[];
  sectors: Sector[];
  affiliation: string | null;
  maxOpenTasks: number;
  openTasks: number;
  /** Company names the reviewer declared a conflict of interest with. */
  conflicts: string[];
}

export interface AssignmentRequest {
  track: Track;
  sector: Sector;
  company: string;
  count: number;
  /** Reviewers already on this project's track (assigned, declined, expired). */
  excludeReviewerIds: string[];
}

/** In the order the checks run; the first that matches is reported. */
export type ExclusionReason = 'track_mismatch' | 'already_on_project' | 'conflict_of_interest' | 'same_affiliation' | 'at_capacity';

export interface AssignmentOutcome {
  /** Reviewer ids, in pick order. */
  selected: string[];
  /** The eligible reviewers, in ranking order. */
  considered: Array<{ reviewerId: string; name: string; openTasks: number; maxOpenTasks: number; sectorMatch: boolean }>;
  /** Sorted by reviewerId. */
  excluded: Array<{ reviewerId: string; name: string; reason: ExclusionReason }>;
  /** count - selected.length */
  shortfall: number;
}

/** The form company names are compared in: NFKC (full-width brackets and spaces are common), trimmed, single-spaced, lowercase. */
export function normalizeCompany(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

// Code-unit comparison, never localeCompare: the result must not depend on the host's locale.
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function exclusionReason(candidate: ReviewerCandidate, request: AssignmentRequest, company: string, excluded: Set<string>): ExclusionReason | null {
  // An empty name matches nothing: a blank declaration must not exclude a reviewer from every project.
  const isCompany = (name: string | null) => name !== null && company !== '' && normalizeCompany(name) === company;
  if (!candidate.tracks.includes(request.track)) return 'track_mismatch';
  if (excluded.has(candidate.id)) return 'already_on_project';
  if (candidate.conflicts.some(isCompany)) return 'conflict_of_interest';
  if (isCompany(candidate.affiliation)) return 'same_affiliation';
  if (candidate.openTasks >= candidate.maxOpenTasks) return 'at_capacity';
  return null;
}

type Considered = AssignmentOutcome['considered'][number];

function rank(a: Considered, b: Considered): number {
  if (a.sectorMatch !== b.sectorMatch) return a.sectorMatch ? -1 : 1;
  if (a.openTasks !== b.openTasks) return a.openTasks - b.openTasks;
  // Ratio compared by cross-multiplying: exact, no float noise. maxOpenTasks > openTasks >= 0 here.
  const ratio = a.openTasks * b.maxOpenTasks - b.openTasks * a.maxOpenTasks;
  if (ratio !== 0) return ratio;
  return compareStrings(a.reviewerId, b.reviewerId) || compareStrings(a.name, b.name);
}

/** Picks reviewers for one track of a project. Pure: the same pool gives the same pick whatever its order. */
export function selectReviewers(candidates: ReviewerCandidate[], request: AssignmentRequest): AssignmentOutcome {
  const company = normalizeCompany(request.company);
  const excludedIds = new Set(request.excludeReviewerIds);
  const considered: AssignmentOutcome['considered'] = [];
  const excluded: AssignmentOutcome['excluded'] = [];

  for (const candidate of candidates) {
    const reason = exclusionReason(candidate, request, company, excludedIds);
    if (reason) excluded.push({ reviewerId: candidate.id, name: candidate.name, reason });
    else {
      considered.push({
        reviewerId: candidate.id,
        name: candidate.name,
        openTasks: candidate.openTasks,
        maxOpenTasks: candidate.maxOpenTasks,
        sectorMatch: candidate.sectors.includes(request.sector),
      });
    }
  }

  considered.sort(rank);
  excluded.sort((a, b) => compareStrings(a.reviewerId, b.reviewerId) || compareStrings(a.name, b.name) || compareStrings(a.reason, b.reason));

  const wanted = Math.max(0, Math.floor(request.count));
  const selected: string[] = [];
  for (const c of considered) {
    if (selected.length >= wanted) break;
    if (!selected.includes(c.reviewerId)) selected.push(c.reviewerId); // a pool listing someone twice still gets one task
  }
  return { selected, considered, excluded, shortfall: wanted - selected.length };
}
