import { z } from 'zod';
import { FORBIDDEN_TEXT_PROBLEM, charLength, forbiddenCharacter, text } from './text';
import { checkRequest } from './check';

const Note = z.strictObject({ note: text({ min: 1, max: 5 }) });
const problem = (value: unknown) => {
  const checked = checkRequest(Note, { note: value });
  return checked.ok ? null : checked.problems;
};

describe('the text rule', () => {
  it.each([
    ['NUL', 'a\u0000b'],
    ['a C0 control', 'a\u0007'],
    ['carriage return', 'a\rb'],
    ['escape', '\u001b[31m'],
    ['DEL', 'a\u007f'],
    ['a C1 control', 'a\u0085'],
    ['an unpaired high surrogate', 'a\ud800'],
    ['an unpaired low surrogate', '\udc00a'],
    ['a noncharacter', 'a\ufdd0'],
    ['an astral noncharacter', 'a\u{10ffff}'],
  ])('refuses %s, naming the field', (_, value) => {
    expect(forbiddenCharacter(value)).toBeDefined();
    expect(problem(value)).toEqual([{ field: 'note', problem: FORBIDDEN_TEXT_PROBLEM }]);
  });

  it('keeps tab, newline, CJK, Cyrillic, emoji and invisible format characters', () => {
    for (const value of ['a\tb', 'a\nb', '投资', 'Привет', '👩‍🔬', 'Sec\u200bCo']) expect(forbiddenCharacter(value)).toBeUndefined();
    expect(checkRequest(Note, { note: '投资\tok' })).toEqual({ ok: true, value: { note: '投资\tok' } });
  });

  it('normalises to NFC, and counts characters after it', () => {
    const decomposed = 'Cafe\u0301'; // 5 code points, 4 after NFC
    const checked = checkRequest(Note, { note: decomposed });
    expect(checked).toEqual({ ok: true, value: { note: 'Caf\u00e9' } });
    expect(charLength('😀😀😀😀😀')).toBe(5);
    expect(checkRequest(Note, { note: '😀😀😀😀😀' }).ok).toBe(true);
  });

  it('gives one problem per field: the first that applies', () => {
    expect(problem(5)).toEqual([{ field: 'note', problem: 'must be a string' }]);
    expect(problem('\u0000'.repeat(20))).toEqual([{ field: 'note', problem: FORBIDDEN_TEXT_PROBLEM }]);
    expect(problem('abcdef')).toEqual([{ field: 'note', problem: 'must be 1 to 5 characters' }]);
    expect(problem('   ')).toEqual([{ field: 'note', problem: 'must not be blank' }]);
    expect(problem(undefined)).toEqual([{ field: 'note', problem: 'is required' }]);
  });
});
