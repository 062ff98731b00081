// Enrolling trainees, one from the form or a whole list from a CSV file. Each trainee is a user
// (with a one-time password), the trainee role, a trainee record, the first mentor assignment and
// the `enrolled` event; one submission is one transaction, and the same submission twice records once.
import { randomUUID } from 'node:crypto';
import type { Db } from '@/db/client';
import { findEnrolmentBatch, findTakenUsernames, insertEnrolledTrainee, type EnrolledTrainee } from '@/db/queries/enrolment';
import { findActiveMentor, findActiveMentorsByUsername } from '@/db/queries/mentors';
import type { TraineeClass } from '@/db/schema';
import type { WorkCalendar } from '@/domain/calendar';
import type { IsoDate } from '@/domain/dates';
import { checkStartDate } from '@/domain/enrolment';
import { assertCanInOrg } from '@/lib/access';
import type { ActionContext } from '@/lib/action';
import type { Actor } from '@/lib/authz';
import {
  applyDirectoryChecks,
  checkEnrolRecords,
  directoryLookups,
  type CheckedEnrolRow,
  type CsvRecord,
  type EnrolCsvFatal,
} from '@/lib/enrolment-csv';
import { AppError } from '@/lib/errors';
import { generateOneTimePassword } from '@/lib/one-time-password';
import { hashPassword } from '@/lib/password';
import { appendProgramEvents, loadProgramContext, todayFor } from '@/lib/program';
import type { z } from '@/lib/validation';
import type { checkEnrolChunkSchema, enrolTraineeSchema, importEnrolCsvSchema } from './schema';

/** Shown once, in the response to the request that created it; only the hash is stored. */
export type EnrolledCredential = { traineeId: number; row: number | null; username: string; displayName: string; initialPassword: string };

export type PreparedEnrolment = {
  row: number | null;
  displayName: string;
  username: string;
  traineeClass: TraineeClass;
  cohort: string;
  startDate: IsoDate;
  mentorId: number;
  passwordHash: string;
};

export type WriteOutcome =
  | { status: 'written'; traineeIds: number[] }
  | { status: 'replayed'; trainees: EnrolledTrainee[] }
  | { status: 'conflict'; takenUsernames: string[]; unavailableMentorIds: number[] };

/**
 * The one transaction of a submission. It checks again what may have changed since the rows were
 * validated (a username taken meanwhile, a mentor disabled) and then writes every trainee or none.
 * The request key goes on the batch's first `enrolled` event, and every event of the batch shares
 * one creation instant, so a replay finds the whole batch again.
 */
export function writeEnrolments(
  db: Db,
  params: { actor: Actor; requestKey: string; entries: readonly PreparedEnrolment[]; nowMs?: number },
): WriteOutcome {
  const { actor, requestKey, entries } = params;
  const nowMs = params.nowMs ?? Date.now();
  return db.transaction(
    (tx): WriteOutcome => {
      const earlier = findEnrolmentBatch(tx, { orgId: actor.orgId, requestKey });
      if (earlier) return { status: 'replayed', trainees: earlier };
      const takenUsernames = [...findTakenUsernames(tx, { usernames: entries.map((e) => e.username) })];
      const unavailableMentorIds = [...new Set(entries.map((e) => e.mentorId))].filter(
        (mentorId) => !findActiveMentor(tx, { orgId: actor.orgId, mentorId }),
      );
      if (takenUsernames.length > 0 || unavailableMentorIds.length > 0) return { status: 'conflict', takenUsernames, unavailableMentorIds };

      const ctx = loadProgramContext(tx, actor.orgId);
      const today = todayFor(ctx, nowMs);
      const traineeIds = entries.map((entry, index) => {
        const { traineeId } = insertEnrolledTrainee(tx, { ...entry, orgId: actor.orgId, assignedBy: actor.userId });
        appendProgramEvents(tx, {
          ctx,
          trainee: { id: traineeId, orgId: actor.orgId, traineeClass: entry.traineeClass, startDate: entry.startDate },
          drafts: [{ kind: 'enrolled', effectiveDate: entry.startDate, payload: { traineeClass: entry.traineeClass } }],
          actorId: actor.userId,
          today,
          requestKey: index === 0 ? requestKey : undefined,
          nowMs,
        });
        return traineeId;
      });
      return { status: 'written', traineeIds };
    },
    { behavior: 'immediate' },
  );
}

// scrypt runs on libuv's small thread pool; a few at a time keeps a large import from starving
// every other request that needs the pool (file reads, other sign-ins).
const HASH_CONCURRENCY = 3;

async function hashAll(passwords: readonly string[]): Promise<string[]> {
  const hashes = new Array<string>(passwords.length);
  let next = 0;
  const worker = async () => {
    while (next < passwords.length) {
      const index = next++;
      hashes[index] = await hashPassword(passwords[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(HASH_CONCURRENCY, passwords.length) }, worker));
  return hashes;
}

export type EnrolOneResult =
  | { status: 'enrolled'; trainee: EnrolledCredential; nextRequestKey: string }
  | { status: 'already_enrolled'; trainees: EnrolledTrainee[]; nextRequestKey: string };

export async function enrolOneTrainee(input: z.output<typeof enrolTraineeSchema>, { actor, db }: ActionContext): Promise<EnrolOneResult> {
  assertCanInOrg(actor, 'trainee.enrol');
  const nextRequestKey = randomUUID();
  const earlier = findEnrolmentBatch(db, { orgId: actor.orgId, requestKey: input.requestKey });
  if (earlier) return { status: 'already_enrolled', trainees: earlier, nextRequestKey };

  const ctx = loadProgramContext(db, actor.orgId);
  const startIssue = checkStartDate(ctx.calendar, todayFor(ctx), input.startDate);
  if (startIssue) throw new AppError(startIssue);
  if (!findActiveMentor(db, { orgId: actor.orgId, mentorId: input.mentorId })) throw new AppError('mentor_unavailable');
  // Checked before hashing so a taken username answers at once; the transaction checks again.
  if (findTakenUsernames(db, { usernames: [input.username] }).size > 0) throw new AppError('username_taken');

  const initialPassword = generateOneTimePassword();
  const entry: PreparedEnrolment = {
    row: null,
    displayName: input.displayName,
    username: input.username,
    traineeClass: input.traineeClass,
    cohort: input.cohort,
    startDate: input.startDate,
    mentorId: input.mentorId,
    passwordHash: await hashPassword(initialPassword),
  };
  const written = writeEnrolments(db, { actor, requestKey: input.requestKey, entries: [entry] });
  if (written.status === 'replayed') return { status: 'already_enrolled', trainees: written.trainees, nextRequestKey };
  if (written.status === 'conflict') throw new AppError(written.takenUsernames.length > 0 ? 'username_taken' : 'mentor_unavailable');
  return {
    status: 'enrolled',
    trainee: { traineeId: written.traineeIds[0]!, row: null, username: entry.username, displayName: entry.displayName, initialPassword },
    nextRequestKey,
  };
}

export type CsvCheckOutcome = { status: 'fatal'; fatal: EnrolCsvFatal } | { status: 'checked'; rows: CheckedEnrolRow[] };

function checkAgainstDirectory(
  db: Db,
  orgId: number,
  header: readonly string[],
  records: readonly CsvRecord[],
  options: { today: IsoDate; calendar: WorkCalendar; fileUsernames?: readonly { row: number; value: string }[] },
): { outcome: CsvCheckOutcome; mentorIds: Map<string, number> } {
  const checked = checkEnrolRecords(header, records, options);
  if (checked.fatal) return { outcome: { status: 'fatal', fatal: checked.fatal }, mentorIds: new Map() };
  const lookups = directoryLookups(checked.rows);
  const mentorIds = findActiveMentorsByUsername(db, { orgId, usernames: lookups.mentorUsernames });
  const rows = applyDirectoryChecks(checked.rows, {
    takenUsernames: findTakenUsernames(db, { usernames: lookups.usernames }),
    mentorUsernames: new Set(mentorIds.keys()),
  });
  return { outcome: { status: 'checked', rows }, mentorIds };
}

/** Checks one chunk of an uploaded list; nothing is written. */
export function checkEnrolChunk(input: z.output<typeof checkEnrolChunkSchema>, { actor, db }: ActionContext): CsvCheckOutcome {
  assertCanInOrg(actor, 'trainee.enrol');
  const ctx = loadProgramContext(db, actor.orgId);
  return checkAgainstDirectory(db, actor.orgId, input.header, input.records, {
    today: todayFor(ctx),
    calendar: ctx.calendar,
    fileUsernames: input.fileUsernames,
  }).outcome;
}

export type CsvImportOutcome =
  | { status: 'fatal'; fatal: EnrolCsvFatal }
  | { status: 'invalid'; rows: CheckedEnrolRow[] }
  | { status: 'imported'; trainees: EnrolledCredential[]; nextRequestKey: string }
  | { status: 'already_imported'; trainees: EnrolledTrainee[]; nextRequestKey: string };

/** Checks the whole list again and enrols every row in one transaction, or none. */
export async function importEnrolCsv(input: z.output<typeof importEnrolCsvSchema>, { actor, db }: ActionContext): Promise<CsvImportOutcome> {
  assertCanInOrg(actor, 'trainee.enrol');
  const nextRequestKey = randomUUID();
  const earlier = findEnrolmentBatch(db, { orgId: actor.orgId, requestKey: input.requestKey });
  if (earlier) return { status: 'already_imported', trainees: earlier, nextRequestKey };

  const ctx = loadProgramContext(db, actor.orgId);
  const options = { today: todayFor(ctx), calendar: ctx.calendar };
  const { outcome: checked, mentorIds } = checkAgainstDirectory(db, actor.orgId, input.header, input.records, options);
  if (checked.status === 'fatal') return checked;
  if (checked.rows.some((r) => r.issues.length > 0 || !r.candidate)) return { status: 'invalid', rows: checked.rows };

  const candidates = checked.rows.map((r) => ({ row: r.row, ...r.candidate! }));
  // scrypt is slow and async: every hash is ready before the synchronous transaction starts.
  const passwords = candidates.map(() => generateOneTimePassword());
  const hashes = await hashAll(passwords);
  const entries: PreparedEnrolment[] = candidates.map((c, i) => ({
    row: c.row,
    displayName: c.displayName,
    username: c.username,
    traineeClass: c.traineeClass,
    cohort: c.cohort,
    startDate: c.startDate,
    mentorId: mentorIds.get(c.mentorUsername)!,
    passwordHash: hashes[i]!,
  }));
  const written = writeEnrolments(db, { actor, requestKey: input.requestKey, entries });
  if (written.status === 'replayed') return { status: 'already_imported', trainees: written.trainees, nextRequestKey };
  if (written.status === 'conflict') {
    // Someone took a username or disabled a mentor while the passwords were hashed: show which rows.
    const again = checkAgainstDirectory(db, actor.orgId, input.header, input.records, options).outcome;
    return again.status === 'fatal' ? again : { status: 'invalid', rows: again.rows };
  }
  return {
    status: 'imported',
    trainees: entries.map((e, i) => ({
      traineeId: written.traineeIds[i]!,
      row: e.row,
      username: e.username,
      displayName: e.displayName,
      initialPassword: passwords[i]!,
    })),
    nextRequestKey,
  };
}
