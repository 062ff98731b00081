import { describe, expect, it } from 'vitest';
import { isCommonPassword } from './common-passwords';

describe('isCommonPassword', () => {
  it.each(['12345678', 'password', 'PASSWORD', 'qwerty123', 'woaini1314', '11111111', 'aaaaaaaa', ' password1 '])('refuses %j', (pw) => {
    expect(isCommonPassword(pw)).toBe(true);
  });

  it.each(['demo-pass-2026', 'Lanzhou-hotline-7', 'k7#pQ9!x'])('allows %j', (pw) => {
    expect(isCommonPassword(pw)).toBe(false);
  });
});
