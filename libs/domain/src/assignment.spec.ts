import { AssignmentRequest, ReviewerCandidate, normalizeCompany, sameCompany, selectReviewers } from './assignment';

function reviewer(id: string, overrides: Partial<ReviewerCandidate> = {}): ReviewerCandidate {
  return {
    id,
    name: `Reviewer ${id}`,
    tracks: ['expert'],
    sectors: ['integrated_circuits'],
    affiliation: null,
    maxOpenTasks: 5,
    openTasks: 0,
    conflicts: [],
    ...overrides,
  };
}

const request: AssignmentRequest = {
  track: 'expert',
  sector: 'integrated_circuits',
  company: 'Shenzhen Wafer Tech Co., Ltd.',
  count: 2,
  excludeReviewerIds: [],
};

/** Every ordering of a small list, for order-independence checks. */
function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe('normalizeCompany', () => {
  it('drops whitespace and punctuation, lowercases and folds full-width forms', () => {
    expect(normalizeCompany('  Shenzhen   Wafer\tTech  ')).toBe('shenzhenwafertech');
    expect(normalizeCompany('ＡＢＣ　Ｃｏ（深圳）')).toBe('abcco深圳');
  });

  it('removes invisible format characters: a zero-width space does not make another company', () => {
    expect(normalizeCompany('SecCo\u200b')).toBe(normalizeCompany('SecCo'));
    // Invisible but not format characters (Cf): combining grapheme joiner, Hangul fillers, Khmer inherent vowel.
    for (const hidden of ['SecCo\u034F', 'SecCo\u3164', 'Sec\u115FCo', 'SecCo\u17B4', 'Sec\u00ADCo']) expect(normalizeCompany(hidden)).toBe('secco');
    expect(normalizeCompany('Sec\u200dCo\u2060\ufeff')).toBe('secco');
    expect(normalizeCompany('\u202eSecCo\u202c')).toBe('secco');
  });

  it('removes legal-form endings, Latin and Chinese', () => {
    expect(normalizeCompany('Harmonic Drives Co., Ltd.')).toBe(normalizeCompany('HARMONIC DRIVES'));
    expect(normalizeCompany('Wafer Tech GmbH')).toBe('wafertech');
    expect(normalizeCompany('Acme, Inc.')).toBe('acme');
    expect(normalizeCompany('Acme Holdings Group LLC')).toBe('acme');
    expect(normalizeCompany('深圳市晶圆科技有限公司')).toBe(normalizeCompany('深圳市晶圆科技'));
    expect(normalizeCompany('晶圆科技集团股份有限公司')).toBe('晶圆科技');
    expect(normalizeCompany('晶圆科技有限责任公司')).toBe('晶圆科技');
  });

  it('keeps words that only end like a legal form, and never reduces a name to nothing', () => {
    expect(normalizeCompany('SecCo')).toBe('secco');
    expect(normalizeCompany('Costco')).not.toBe(normalizeCompany('Cost'));
    expect(normalizeCompany('Co., Ltd.')).toBe('co');
    expect(normalizeCompany('有限公司')).not.toBe('');
  });
});

describe('sameCompany', () => {
  it('compares credit codes when both sides have one, else names', () => {
    const code = '91350100M000100Y43';
    expect(sameCompany({ company: 'Old Name Ltd', creditCode: code }, { company: 'New Name', creditCode: code })).toBe(true);
    expect(sameCompany({ company: 'SecCo', creditCode: code }, { company: 'SecCo', creditCode: '91110000600037341L' })).toBe(false);
    expect(sameCompany({ company: 'SecCo\u200b' }, { company: 'SECCO', creditCode: code })).toBe(true);
    expect(sameCompany({ company: '  ' }, { company: '' })).toBe(false);
  });

  it('excludes a reviewer whose declared conflict carries the project\'s credit code, whatever the names', () => {
    const code = '91350100M000100Y43';
    const outcome = selectReviewers([reviewer('a', { conflicts: [{ company: 'A totally different name', creditCode: code }] }), reviewer('b')], { ...request, creditCode: code });
    expect(outcome.excluded).toEqual([{ reviewerId: 'a', name: 'Reviewer a', reason: 'conflict_of_interest' }]);
  });
});

describe('selectReviewers', () => {
  it('excludes each kind of ineligible reviewer with its reason, sorted by id', () => {
    const outcome = selectReviewers(
      [
        reviewer('r6'),
        reviewer('r5', { openTasks: 5, maxOpenTasks: 5 }),
        reviewer('r4', { affiliation: '  shenzhen WAFER tech co., ltd. ' }),
        reviewer('r3', { conflicts: ['Other Co', 'SHENZHEN  Wafer Tech Co., Ltd.'] }),
        reviewer('r2', { tracks: ['expert', 'vc'] }),
        reviewer('r1', { tracks: ['vc', 'academic'] }),
      ],
      { ...request, excludeReviewerIds: ['r2'] },
    );
    expect(outcome.excluded).toEqual([
      { reviewerId: 'r1', name: 'Reviewer r1', reason: 'track_mismatch' },
      { reviewerId: 'r2', name: 'Reviewer r2', reason: 'already_on_project' },
      { reviewerId: 'r3', name: 'Reviewer r3', reason: 'conflict_of_interest' },
      { reviewerId: 'r4', name: 'Reviewer r4', reason: 'same_affiliation' },
      { reviewerId: 'r5', name: 'Reviewer r5', reason: 'at_capacity' },
    ]);
    expect(outcome.selected).toEqual(['r6']);
    expect(outcome.considered.map((c) => c.reviewerId)).toEqual(['r6']);
    expect(outcome.shortfall).toBe(1);
  });

  it('reports the first matching reason in the documented order', () => {
    const everything = reviewer('x', {
      tracks: ['vc'],
      conflicts: [request.company],
      affiliation: request.company,
      openTasks: 9,
      maxOpenTasks: 1,
    });
    const reasonFor = (c: ReviewerCandidate, excludeReviewerIds: string[] = []) =>
      selectReviewers([c], { ...request, excludeReviewerIds }).excluded[0]?.reason;
    expect(reasonFor(everything, ['x'])).toBe('track_mismatch');
    expect(reasonFor({ ...everything, tracks: ['expert'] }, ['x'])).toBe('already_on_project');
    expect(reasonFor({ ...everything, tracks: ['expert'] })).toBe('conflict_of_interest');
    expect(reasonFor({ ...everything, tracks: ['expert'], conflicts: [] })).toBe('same_affiliation');
    expect(reasonFor({ ...everything, tracks: ['expert'], conflicts: [], affiliation: 'Tsinghua University' })).toBe('at_capacity');
  });

  it('treats a reviewer with no capacity at all as at capacity, and blank declarations as no conflict', () => {
    const outcome = selectReviewers([reviewer('a', { maxOpenTasks: 0 }), reviewer('b', { conflicts: ['  '], affiliation: '' })], request);
    expect(outcome.excluded).toEqual([{ reviewerId: 'a', name: 'Reviewer a', reason: 'at_capacity' }]);
    expect(outcome.selected).toEqual(['b']);
  });

  it('prefers a sector match over a lighter load', () => {
    const outcome = selectReviewers(
      [reviewer('busy-match', { openTasks: 4 }), reviewer('idle-other', { sectors: ['robotics'], openTasks: 0 })],
      { ...request, count: 1 },
    );
    expect(outcome.selected).toEqual(['busy-match']);
    expect(outcome.considered).toEqual([
      { reviewerId: 'busy-match', name: 'Reviewer busy-match', openTasks: 4, maxOpenTasks: 5, sectorMatch: true },
      { reviewerId: 'idle-other', name: 'Reviewer idle-other', openTasks: 0, maxOpenTasks: 5, sectorMatch: false },
    ]);
  });

  it('ranks by fewest open tasks, then lowest load ratio, then id', () => {
    const outcome = selectReviewers(
      [
        reviewer('a', { openTasks: 2, maxOpenTasks: 10 }), // 2 open
        reviewer('b', { openTasks: 1, maxOpenTasks: 2 }), // 1 open, ratio 0.5
        reviewer('c', { openTasks: 1, maxOpenTasks: 4 }), // 1 open, ratio 0.25
        reviewer('e', { openTasks: 0, maxOpenTasks: 3 }), // 0 open: tie on ratio 0 with d
        reviewer('d', { openTasks: 0, maxOpenTasks: 1 }),
      ],
      { ...request, count: 4 },
    );
    expect(outcome.considered.map((c) => c.reviewerId)).toEqual(['d', 'e', 'c', 'b', 'a']);
    expect(outcome.selected).toEqual(['d', 'e', 'c', 'b']);
    expect(outcome.shortfall).toBe(0);
  });

  it('does not depend on the order of the candidates', () => {
    const pool = [
      reviewer('p1', { openTasks: 1 }),
      reviewer('p2', { openTasks: 1 }),
      reviewer('p3', { sectors: ['robotics'] }),
      reviewer('p4', { tracks: ['academic'] }),
      reviewer('p5', { conflicts: [request.company] }),
    ];
    const expected = JSON.stringify(selectReviewers(pool, request));
    expect(JSON.parse(expected).selected).toEqual(['p1', 'p2']);
    for (const ordering of permutations(pool)) {
      expect(JSON.stringify(selectReviewers(ordering, request))).toBe(expected);
    }
  });

  it('reports the shortfall when the pool runs out, and selects nobody for count 0', () => {
    const pool = [reviewer('a'), reviewer('b', { tracks: ['vc'] })];
    expect(selectReviewers(pool, { ...request, count: 3 })).toMatchObject({ selected: ['a'], shortfall: 2 });
    expect(selectReviewers([], { ...request, count: 2 })).toEqual({ selected: [], considered: [], excluded: [], shortfall: 2 });
    expect(selectReviewers(pool, { ...request, count: 0 })).toMatchObject({ selected: [], shortfall: 0 });
  });

  it('does not modify its input', () => {
    const pool = [reviewer('b', { openTasks: 3 }), reviewer('a')];
    const snapshot = JSON.stringify(pool);
    selectReviewers(pool, request);
    expect(JSON.stringify(pool)).toBe(snapshot);
  });
});
