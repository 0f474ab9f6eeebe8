import { CREDIT_CODE_CHARSET, creditCodeCheckCharacter, creditCodeProblem, isCreditCode, normalizeCreditCode } from './credit-code';

describe('unified social credit code', () => {
  // The example of GB 32100-2015 and codes of the same format whose check characters were worked by hand.
  it.each(['91350100M000100Y43', '91110000600037341L', '91440300708461136T', '9144030071526726XG'])('accepts %s', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
    expect(isCreditCode(code)).toBe(true);
  });

  it('computes the check character: 31 - weighted sum mod 31, 31 → 0', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckCharacter('91110000600037341')).toBe('L');
    // A weighted sum divisible by 31 gives check value 31, written 0: all zeros sum to 0.
    expect(creditCodeCheckCharacter('00000000000000000')).toBe('0');
  });

  it('catches a single mistyped character and a swap', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toBe('has a wrong check character (mistyped?)');
    expect(creditCodeProblem('91350100M000100Y34')).not.toBeNull();
    for (let i = 0; i < 17; i++) {
      const valid = '91350100M000100Y43';
      const wrong = CREDIT_CODE_CHARSET[(CREDIT_CODE_CHARSET.indexOf(valid[i]!) + 1) % 31]!;
      expect(isCreditCode(valid.slice(0, i) + wrong + valid.slice(i + 1))).toBe(false);
    }
  });

  it('refuses the wrong length and letters outside the alphabet (I, O, S, V, Z)', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toMatch(/18 characters/);
    expect(creditCodeProblem('91350100I000100Y43')).toMatch(/without I, O, S, V, Z/);
  });

  it('normalises case, full-width forms, spaces and hyphens before checking', () => {
    expect(normalizeCreditCode(' 9135 0100-m000100y43 ')).toBe('91350100M000100Y43');
    expect(normalizeCreditCode('９１３５０１００Ｍ０００１００Ｙ４３')).toBe('91350100M000100Y43');
  });
});
