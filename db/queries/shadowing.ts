// Shadowing facts: the recordings a trainee listened to after the fact (事后旁听), the day row's
// counters (recordingsLogged, liveShadowing, callsLiveListened) and the mentor's confirmation.
// Callers authorize the trainee first (lib/access.ts); every statement is scoped by that trainee.
import { and, asc, count, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { DbOrTx } from '../tx';
import { calls, dailySamples, recordings, traineeDays, users, type Recording, type TraineeDay } from '../schema';

export function getTraineeDay(db: DbOrTx, params: { traineeId: number; day: string }): TraineeDay | null {
  return (
    db
      .select()
      .from(traineeDays)
      .where(and(eq(traineeDays.traineeId, params.traineeId), eq(traineeDays.day, params.day)))
      .get() ?? null
  );
}

export type TraineeDayRow = TraineeDay & { confirmedByName: string | null };

/** The trainee's day rows between two days (both included), with the confirming mentor's name. */
export function listTraineeDays(
  db: DbOrTx,
  params: { traineeId: number; from?: string; to?: string },
): TraineeDayRow[] {
  const conditions = [eq(traineeDays.traineeId, params.traineeId)];
  if (params.from) conditions.push(gte(traineeDays.day, params.from));
  if (params.to) conditions.push(lte(traineeDays.day, params.to));
  return db
    .select({ day: traineeDays, confirmedByName: users.displayName })
    .from(traineeDays)
    .leftJoin(users, eq(users.id, traineeDays.confirmedBy))
    .where(and(...conditions))
    .orderBy(asc(traineeDays.day))
    .all()
    .map((r) => ({ ...r.day, confirmedByName: r.confirmedByName }));
}

/** The day row exists before a counter is changed, so every update below is a plain UPDATE. */
export function ensureTraineeDay(tx: DbOrTx, params: { traineeId: number; day: string }): void {
  tx.insert(traineeDays).values({ traineeId: params.traineeId, day: params.day }).onConflictDoNothing().run();
}

export function listRecordings(db: DbOrTx, params: { traineeId: number; days: string[] }): Recording[] {
  if (params.days.length === 0) return [];
  return db
    .select()
    .from(recordings)
    .where(and(eq(recordings.traineeId, params.traineeId), inArray(recordings.day, params.days)))
    .orderBy(desc(recordings.day), desc(recordings.id))
    .all();
}

export function getRecording(db: DbOrTx, params: { traineeId: number; recordingId: number }): Recording | null {
  return (
    db
      .select()
      .from(recordings)
      .where(and(eq(recordings.id, params.recordingId), eq(recordings.traineeId, params.traineeId)))
      .get() ?? null
  );
}

export function findRecordingByRequestKey(db: DbOrTx, params: { requestKey: string }): Recording | null {
  return db.select().from(recordings).where(eq(recordings.requestKey, params.requestKey)).get() ?? null;
}

export type NewRecording = {
  traineeId: number;
  day: string;
  recordingRef: string;
  agentName: string;
  callType: string;
  wentWell: string;
  toLearn: string;
  requestKey: string;
};

/** Inserts the recording and counts it on the day row; run inside the caller's transaction. */
export function insertRecording(tx: DbOrTx, row: NewRecording): Recording {
  const recording = tx.insert(recordings).values(row).returning().get();
  ensureTraineeDay(tx, { traineeId: row.traineeId, day: row.day });
  recountRecordings(tx, { traineeId: row.traineeId, day: row.day });
  return recording;
}

export function deleteRecording(tx: DbOrTx, params: { traineeId: number; recordingId: number; day: string }): void {
  tx.delete(recordings)
    .where(and(eq(recordings.id, params.recordingId), eq(recordings.traineeId, params.traineeId)))
    .run();
  recountRecordings(tx, { traineeId: params.traineeId, day: params.day });
}

// The counter is the engine's fact; recounting from the rows (not +1) keeps it equal to the log.
function recountRecordings(tx: DbOrTx, params: { traineeId: number; day: string }): void {
  const n =
    tx
      .select({ n: count() })
      .from(recordings)
      .where(and(eq(recordings.traineeId, params.traineeId), eq(recordings.day, params.day)))
      .get()?.n ?? 0;
  tx.update(traineeDays)
    .set({ recordingsLogged: n })
    .where(and(eq(traineeDays.traineeId, params.traineeId), eq(traineeDays.day, params.day)))
    .run();
}

export function setLiveShadowing(tx: DbOrTx, params: { traineeId: number; day: string; attended: boolean }): void {
  ensureTraineeDay(tx, params);
  tx.update(traineeDays)
    .set({ liveShadowing: params.attended })
    .where(and(eq(traineeDays.traineeId, params.traineeId), eq(traineeDays.day, params.day)))
    .run();
}

/** The mentor's confirmation; `liveShadowing` undefined leaves attendance as it is (a day without that rule). */
export function confirmTraineeDay(
  tx: DbOrTx,
  params: { traineeId: number; day: string; mentorId: number; atMs: number; liveShadowing?: boolean },
): void {
  ensureTraineeDay(tx, params);
  tx.update(traineeDays)
    .set({
      confirmedBy: params.mentorId,
      confirmedAt: params.atMs,
      ...(params.liveShadowing === undefined ? {} : { liveShadowing: params.liveShadowing }),
    })
    .where(and(eq(traineeDays.traineeId, params.traineeId), eq(traineeDays.day, params.day)))
    .run();
}

export function setCallsLiveListened(tx: DbOrTx, params: { traineeId: number; day: string; calls: number }): void {
  ensureTraineeDay(tx, params);
  tx.update(traineeDays)
    .set({ callsLiveListened: params.calls })
    .where(and(eq(traineeDays.traineeId, params.traineeId), eq(traineeDays.day, params.day)))
    .run();
}

/**
 * How many calls the trainee handled that day, or null while unknown (no calls imported and no
 * count recorded). The day row's counter is the engine's fact; the imported calls back it up.
 */
export function getCallsHandled(db: DbOrTx, params: { traineeId: number; day: string }): number | null {
  const row = getTraineeDay(db, params);
  const imported =
    db
      .select({ n: count() })
      .from(calls)
      .where(and(eq(calls.traineeId, params.traineeId), eq(calls.day, params.day)))
      .get()?.n ?? 0;
  const recorded = row?.callsHandled ?? 0;
  // A sample drawn from an empty pool means the day's calls were imported: zero is then known.
  const sampled = db
    .select({ id: dailySamples.id })
    .from(dailySamples)
    .where(and(eq(dailySamples.traineeId, params.traineeId), eq(dailySamples.day, params.day)))
    .get();
  if (recorded === 0 && imported === 0 && !sampled) return null;
  return Math.max(recorded, imported);
}
