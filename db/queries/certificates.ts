// Certificates issued when probation is passed. The row holds the verification code; whether the
// certificate is still in force is the plan's to say (its `certified` event may be superseded).
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../tx';
import { certificates, trainees, users } from '../schema';

export type CertificateRow = typeof certificates.$inferSelect;

export function findCertificateByTrainee(db: DbOrTx, params: { traineeId: number }): CertificateRow | null {
  return db.select().from(certificates).where(eq(certificates.traineeId, params.traineeId)).get() ?? null;
}

export type CertificateWithTrainee = CertificateRow & {
  orgId: number;
  traineeClass: 'A' | 'B';
  cohort: string;
  startDate: string;
  displayName: string;
};

/** By verification code, across organisations: the public verify page knows no organisation. */
export function findCertificateByCode(db: DbOrTx, params: { code: string }): CertificateWithTrainee | null {
  const row = db
    .select({
      certificate: certificates,
      orgId: trainees.orgId,
      traineeClass: trainees.traineeClass,
      cohort: trainees.cohort,
      startDate: trainees.startDate,
      displayName: users.displayName,
    })
    .from(certificates)
    .innerJoin(trainees, eq(trainees.id, certificates.traineeId))
    .innerJoin(users, eq(users.id, trainees.userId))
    .where(eq(certificates.code, params.code))
    .get();
  return row
    ? { ...row.certificate, orgId: row.orgId, traineeClass: row.traineeClass, cohort: row.cohort, startDate: row.startDate, displayName: row.displayName }
    : null;
}

export function insertCertificate(db: DbOrTx, values: typeof certificates.$inferInsert): CertificateRow {
  return db.insert(certificates).values(values).returning().get();
}

export function codeExists(db: DbOrTx, params: { code: string }): boolean {
  return db.select({ id: certificates.id }).from(certificates).where(eq(certificates.code, params.code)).get() !== undefined;
}
