import { describe, expect, it } from 'vitest';
import { isCommonPassword } from './common-passwords';
import { generateOneTimePassword, ONE_TIME_PASSWORD_ALPHABET } from './one-time-password';

describe('generateOneTimePassword', () => {
  it('draws 12 unambiguous characters, with a letter and a digit, different every time', () => {
    const drawn = Array.from({ length: 200 }, () => generateOneTimePassword());
    for (const password of drawn) {
      expect(password).toHaveLength(12);
      expect([...password].every((c) => ONE_TIME_PASSWORD_ALPHABET.includes(c))).toBe(true);
      expect(password).toMatch(/\d/);
      expect(password).toMatch(/[A-Za-z]/);
      expect(password).not.toMatch(/[0Oo1lI]/);
      expect(isCommonPassword(password)).toBe(false);
    }
    expect(new Set(drawn).size).toBe(drawn.length);
  });
});
