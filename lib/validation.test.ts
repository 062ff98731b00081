// The error map turns zod's issues into message keys for zod/mini input schemas and, through the
// config both share, for classic zod's server-side schemas too.
import { describe, expect, it } from 'vitest';
import { z as classic } from 'zod';
import { cleanText, decodeMessage, isoDate, requestKey, requiredText, z } from './validation';

const messages = (schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }, value: unknown) =>
  schema.safeParse(value).error?.issues.map((i) => i.message) ?? [];

describe('message keys', () => {
  it('for zod/mini schemas', () => {
    const name = z.string().check(z.minLength(1), z.maxLength(5));
    expect(messages(name, undefined)).toEqual(['validation.required']);
    expect(messages(name, 42)).toEqual(['validation.invalid_type']);
    expect(messages(name, '')).toEqual(['validation.required']);
    expect(messages(name, 'abcdef')).toEqual(['validation.too_long{"maximum":5}']);
    expect(messages(z.string().check(z.minLength(8)), 'abc')).toEqual(['validation.too_short{"minimum":8}']);
    expect(messages(z.array(z.string()).check(z.minLength(2)), ['a'])).toEqual(['validation.too_few{"minimum":2}']);
    expect(messages(z.int().check(z.positive()), 0)).toEqual(['validation.too_small{"minimum":0}']);
    expect(messages(z.int(), 1.5)).toEqual(['validation.invalid_type']);
    expect(messages(z.enum(['a', 'b']), 'c')).toEqual(['validation.invalid_choice']);
    expect(decodeMessage(messages(name, 'abcdef')[0]!)).toEqual({ key: 'validation.too_long', params: { maximum: 5 } });
  });

  it('for classic zod schemas, which share the config', () => {
    expect(messages(classic.string().max(3), 'abcd')).toEqual(['validation.too_long{"maximum":3}']);
    expect(messages(classic.object({ a: classic.string() }), {})).toEqual(['validation.required']);
  });

  it('for the shared helpers', () => {
    expect(cleanText(10).parse(' a\u0007b ')).toBe('ab');
    expect(messages(requiredText(10), ' \u0001 ')).toEqual(['validation.required']);
    expect(messages(requiredText(3), 'abcd')).toEqual(['validation.too_long{"maximum":3}']);
    expect(isoDate.safeParse('2026-02-28').success).toBe(true);
    expect(messages(isoDate, '2026-02-30')).toEqual(['validation.invalid_date']);
    expect(messages(requestKey, 'short')).toEqual(['validation.invalid']);
  });
});
