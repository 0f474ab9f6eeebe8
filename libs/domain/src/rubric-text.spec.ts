import { localizedRubric } from './rubric-text';
import { RUBRICS } from './rubric';
import { TRACKS, USER_LOCALES } from './types';

describe('localizedRubric', () => {
  it.each(TRACKS.flatMap((track) => USER_LOCALES.map((locale) => [track, locale] as const)))('gives every %s criterion a %s label, question and five score meanings', (track, locale) => {
    const rubric = localizedRubric(track, locale);
    expect(rubric.criteria.map((c) => [c.key, c.weight])).toEqual(RUBRICS[track].criteria.map((c) => [c.key, c.weight]));
    for (const c of rubric.criteria) {
      expect(c.description).not.toBe('');
      expect(c.levels.map((l) => l.score)).toEqual([1, 2, 3, 4, 5]);
      // A zh-CN page with an English criterion on it is a bug.
      if (locale === 'zh-CN') expect(c.label + c.description + c.levels.map((l) => l.meaning).join('')).toMatch(/^[^A-Za-z]*$/);
    }
  });

  it('keeps the English labels of the code for en', () => {
    expect(localizedRubric('expert', 'en').criteria.map((c) => c.label)).toEqual(RUBRICS.expert.criteria.map((c) => c.label));
  });
});
