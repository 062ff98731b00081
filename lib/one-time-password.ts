// The initial password a lead or an admin hands to a new user, shown once and stored only as a
// scrypt hash; the user must replace it at first sign-in (users.must_change_password).
import { randomInt } from 'node:crypto';

// No 0/O/o, 1/l/I: the password is read off a screen or a printout and typed on a phone.
export const ONE_TIME_PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
export const ONE_TIME_PASSWORD_LENGTH = 12;

/** 12 characters from a 56-character alphabet: about 70 bits, with at least one letter and one digit. */
export function generateOneTimePassword(length: number = ONE_TIME_PASSWORD_LENGTH): string {
  for (;;) {
    let password = '';
    for (let i = 0; i < length; i++) password += ONE_TIME_PASSWORD_ALPHABET[randomInt(ONE_TIME_PASSWORD_ALPHABET.length)];
    // Some systems people copy it into insist on both; re-drawing is cheaper than explaining.
    if (/\d/.test(password) && /[A-Za-z]/.test(password)) return password;
  }
}
