// Validation messages are message keys, not prose, so the browser and the server show the
// same error in the user's language. Import `z` from here (not from 'zod') in input schemas:
// importing this module installs the error map.
//
// `z` is zod/mini, zod 4's functional API: the same validator core as classic zod, with checks and
// wrappers as functions (`z.string().check(z.maxLength(80))`, `z.optional(…)`, `z.pipe(…)`) instead
// of methods, so a bundler keeps only what a schema uses. Input schemas run in the browser too
// (react-hook-form's zodResolver), where classic zod cost every form page about 90 kB gzip
// (docs/decisions/010-performance.md). Server-only parsing (content files, events) may use classic
// `zod`; both share one global config, so this error map applies to them as well.
import { encodeMessage } from './message-keys';
import * as z from './zod-mini';

export { z };
export { decodeMessage, encodeMessage } from './message-keys';

z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined || issue.input === null || issue.input === ''
          ? 'validation.required'
          : 'validation.invalid_type';
      case 'too_small':
        if (issue.origin === 'string') {
          return Number(issue.minimum) <= 1
            ? 'validation.required'
            : encodeMessage('validation.too_short', { minimum: Number(issue.minimum) });
        }
        if (issue.origin === 'array' || issue.origin === 'set') {
          return encodeMessage('validation.too_few', { minimum: Number(issue.minimum) });
        }
        return encodeMessage('validation.too_small', { minimum: Number(issue.minimum) });
      case 'too_big':
        if (issue.origin === 'string') return encodeMessage('validation.too_long', { maximum: Number(issue.maximum) });
        if (issue.origin === 'array' || issue.origin === 'set') {
          return encodeMessage('validation.too_many', { maximum: Number(issue.maximum) });
        }
        return encodeMessage('validation.too_big', { maximum: Number(issue.maximum) });
      case 'invalid_format':
        return `validation.invalid_format`;
      case 'invalid_value':
        return 'validation.invalid_choice';
      default:
        return 'validation.invalid';
    }
  },
});

/** Text fields from forms: trimmed, without control characters that could corrupt exports. */
export function cleanText(max: number) {
  return z.pipe(
    z.pipe(
      z.string(),
      z.transform((s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim()),
    ),
    z.string().check(z.maxLength(max)),
  );
}

export function requiredText(max: number) {
  return z.pipe(cleanText(max), z.string().check(z.minLength(1, 'validation.required')));
}

export const isoDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.invalid_date'),
  z.refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= '2000-01-01' && s <= '2100-12-31';
  }, 'validation.invalid_date'),
);

/** A random key created when a form is shown; the same submission twice carries the same key. */
export const requestKey = z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, 'validation.invalid'));
