// Validation messages are message keys, not prose, so the browser and the server show the
// same error in the user's language. Import `z` from here (not from 'zod') in input schemas:
// importing this module installs the error map.
import { z } from 'zod';

export { z };

/** A key plus its parameters, serialised into a zod issue message: `validation.too_small{"minimum":8}`. */
export function encodeMessage(key: string, params?: Record<string, string | number>): string {
  return params && Object.keys(params).length > 0 ? `${key}${JSON.stringify(params)}` : key;
}

export function decodeMessage(message: string): { key: string; params: Record<string, string | number> } {
  const brace = message.indexOf('{');
  if (brace <= 0) return { key: message, params: {} };
  try {
    return { key: message.slice(0, brace), params: JSON.parse(message.slice(brace)) };
  } catch {
    return { key: message, params: {} };
  }
}

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
  return z
    .string()
    .transform((s) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim())
    .pipe(z.string().max(max));
}

export function requiredText(max: number) {
  return cleanText(max).pipe(z.string().min(1, 'validation.required'));
}

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.invalid_date')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= '2000-01-01' && s <= '2100-12-31';
  }, 'validation.invalid_date');

/** A random key created when a form is shown; the same submission twice carries the same key. */
export const requestKey = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'validation.invalid');
