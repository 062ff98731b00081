// Certificates: the verification code, issuing one inside the probation sign-off's transaction, and
// checking a code on the public verify page. A certificate is in force while its `certified` event
// is (a corrected sign-off voids it); the row itself is never deleted, so a withdrawn code is known
// but refused.
import { randomInt } from 'node:crypto';
import { codeExists, findCertificateByCode, findCertificateByTrainee, insertCertificate } from '@/db/queries/certificates';
import type { DbOrTx } from '@/db/tx';
import type { IsoDate } from '@/domain/dates';
import { resolveEffectiveEvents } from '@/domain/events';
import { listTraineeEvents } from './program';

// No 0/O or 1/I: a code read aloud over the phone or typed from paper has one spelling.
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const GROUPS = 3;
const GROUP_LENGTH = 4;

/** XXXX-XXXX-XXXX from a cryptographic source: 32^12 ≈ 2^60 codes, so guessing one is hopeless. */
export function generateCertificateCode(pick: (max: number) => number = randomInt): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = '';
    for (let i = 0; i < GROUP_LENGTH; i++) group += CODE_ALPHABET[pick(CODE_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** What a person typed (lower case, spaces, missing dashes) as a canonical code, or null if it can't be one. */
export function normaliseCertificateCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== GROUPS * GROUP_LENGTH) return null;
  for (const ch of compact) if (!CODE_ALPHABET.includes(ch)) return null;
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) groups.push(compact.slice(g * GROUP_LENGTH, (g + 1) * GROUP_LENGTH));
  return groups.join('-');
}

/**
 * The trainee's certificate code, issued now if they have none. A trainee has one certificate row:
 * when a corrected sign-off certifies them again, the same code is put back in force.
 */
export function issueCertificate(tx: DbOrTx, params: { traineeId: number; issuedOn: IsoDate; issuedBy: number | null; nowMs: number }): string {
  const existing = findCertificateByTrainee(tx, { traineeId: params.traineeId });
  if (existing) return existing.code;
  let code = generateCertificateCode();
  // A collision is astronomically unlikely; checking costs one indexed read.
  while (codeExists(tx, { code })) code = generateCertificateCode();
  insertCertificate(tx, { traineeId: params.traineeId, code, issuedOn: params.issuedOn, issuedBy: params.issuedBy, createdAt: params.nowMs });
  return code;
}

export type CertificateStatus =
  | { valid: false }
  | {
      valid: true;
      code: string;
      traineeId: number;
      orgId: number;
      displayName: string;
      traineeClass: 'A' | 'B';
      cohort: string;
      startDate: IsoDate;
      certifiedOn: IsoDate;
    };

/** Whether the code belongs to a certificate still in force: its `certified` event is not superseded. */
export function checkCertificate(db: DbOrTx, rawCode: string): CertificateStatus {
  const code = normaliseCertificateCode(rawCode);
  if (!code) return { valid: false };
  const row = findCertificateByCode(db, { code });
  if (!row) return { valid: false };
  const { effective } = resolveEffectiveEvents(listTraineeEvents(db, row.traineeId));
  const certified = effective.findLast((e) => e.kind === 'certified' && e.payload.code === code);
  if (!certified) return { valid: false };
  return {
    valid: true,
    code,
    traineeId: row.traineeId,
    orgId: row.orgId,
    displayName: row.displayName,
    traineeClass: row.traineeClass,
    cohort: row.cohort,
    startDate: row.startDate,
    certifiedOn: certified.effectiveDate,
  };
}

/** 王俊 → 王*, 欧阳娜娜 → 欧***, Li Na → L****: enough to match a paper certificate, not to identify anyone. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}
