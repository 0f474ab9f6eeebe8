import { Sector, Track } from './types';

export interface ReviewerCandidate {
  id: string;
  name: string;
  tracks: Track[];
  sectors: Sector[];
  affiliation: string | null;
  maxOpenTasks: number;
  openTasks: number;
  /**
   * Companies the reviewer declared a conflict of interest with: a name, or a name with the
   * company's credit code.
   */
  conflicts: Array<string | CompanyRef>;
}

export interface AssignmentRequest {
  track: Track;
  sector: Sector;
  company: string;
  /** The project's unified social credit code, normalised, when the officer gave one. */
  creditCode?: string | null;
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

/**
 * Legal-form words that say nothing about which company it is: "Harmonic Drives Co., Ltd." and
 * "HARMONIC DRIVES" are one company. Latin ones are whole words at the end of the name; Chinese ones
 * are written without spaces, so they are matched as the end of the text. Longest first, stripped
 * repeatedly ("… Group Co., Ltd.", "…集团有限公司").
 */
const LEGAL_WORDS = new Set(['co', 'company', 'corp', 'corporation', 'inc', 'incorporated', 'ltd', 'limited', 'llc', 'gmbh', 'ag', 'plc', 'sa', 'group', 'holdings']);
const LEGAL_CJK = ['股份有限公司', '有限责任公司', '有限公司', '集团公司', '集团', '公司'];

/** Strips one legal-form ending from `words` (never the last word left); true when it did. */
function stripLegalForm(words: string[]): boolean {
  const last = words[words.length - 1];
  if (last === undefined) return false;
  if (words.length > 1 && LEGAL_WORDS.has(last)) {
    words.pop();
    return true;
  }
  const cjk = LEGAL_CJK.find((suffix) => last.length > suffix.length && last.endsWith(suffix));
  if (cjk) {
    words[words.length - 1] = last.slice(0, -cjk.length);
    return true;
  }
  return false;
}

/**
 * The form company names are compared in, so a declared conflict cannot be dodged by how a name is
 * written: NFKC (full-width letters and brackets, compatibility forms), every character a renderer
 * shows as nothing removed (zero-width spaces and joiners, bidi controls, the Hangul fillers,
 * combining grapheme joiner: Unicode Default_Ignorable_Code_Point, which holds all of Cf), case folded, legal-form endings
 * removed, then punctuation, symbols and whitespace dropped. A name that is nothing but a legal form
 * keeps its last word (never reduced to "", which would match every other such name).
 */
export function normalizeCompany(name: string): string {
  const words = name
    .normalize('NFKC')
    .replace(/\p{Default_Ignorable_Code_Point}/gu, '')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\p{Cc}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
  while (stripLegalForm(words));
  return words.join('');
}

/** A company as a project or a conflict names it: its name and, when known, its credit code. */
export interface CompanyRef {
  company: string;
  /** Normalised unified social credit code (normalizeCreditCode), if given. */
  creditCode?: string | null;
}

/**
 * One company or two? By the credit code when both sides have one (it survives renames, and two
 * firms may share a trade name), else by the normalised name. An empty name matches nothing.
 */
export function sameCompany(a: CompanyRef, b: CompanyRef): boolean {
  if (a.creditCode && b.creditCode) return a.creditCode === b.creditCode;
  const key = normalizeCompany(a.company);
  return key !== '' && key === normalizeCompany(b.company);
}

// Code-unit comparison, never localeCompare: the result must not depend on the host's locale.
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function exclusionReason(candidate: ReviewerCandidate, request: AssignmentRequest, project: CompanyRef, excluded: Set<string>): ExclusionReason | null {
  if (!candidate.tracks.includes(request.track)) return 'track_mismatch';
  if (excluded.has(candidate.id)) return 'already_on_project';
  if (candidate.conflicts.some((c) => sameCompany(typeof c === 'string' ? { company: c } : c, project))) return 'conflict_of_interest';
  // An affiliation is a name only: a university or firm the reviewer works for.
  if (candidate.affiliation !== null && sameCompany({ company: candidate.affiliation }, { company: project.company })) return 'same_affiliation';
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
  const project: CompanyRef = { company: request.company, creditCode: request.creditCode ?? null };
  const excludedIds = new Set(request.excludeReviewerIds);
  const considered: AssignmentOutcome['considered'] = [];
  const excluded: AssignmentOutcome['excluded'] = [];

  for (const candidate of candidates) {
    const reason = exclusionReason(candidate, request, project, excludedIds);
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
