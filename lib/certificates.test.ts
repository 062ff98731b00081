import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, generateCertificateCode, maskName, normaliseCertificateCode } from './certificates';

describe('certificate codes', () => {
  it('are three groups of four from an alphabet without 0/O or 1/I', () => {
    expect(CODE_ALPHABET).not.toMatch(/[01OI]/);
    expect(new Set(CODE_ALPHABET).size).toBe(32);
    const codes = new Set(Array.from({ length: 200 }, () => generateCertificateCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
  });

  it('use the random source given for every character', () => {
    let n = 0;
    expect(generateCertificateCode(() => n++ % 32)).toBe('ABCD-EFGH-JKLM');
  });

  it('are normalised from what a person types, and refused when they cannot be a code', () => {
    expect(normaliseCertificateCode(' abcd efgh-jklm ')).toBe('ABCD-EFGH-JKLM');
    expect(normaliseCertificateCode('ABCDEFGHJKLM')).toBe('ABCD-EFGH-JKLM');
    expect(normaliseCertificateCode('ABCD-EFGH-JKL0')).toBeNull();
    expect(normaliseCertificateCode('ABCD-EFGH')).toBeNull();
    expect(normaliseCertificateCode("'; drop table--")).toBeNull();
  });
});

describe('maskName', () => {
  it('keeps only the first character', () => {
    expect(maskName('王俊')).toBe('王*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('王')).toBe('王*');
    expect(maskName('𠀀明')).toBe('𠀀*');
  });
});
