// The trainee's shadowing writes: a recording listened after the fact (事后旁听), removing a
// mistaken one, and the "I shadowed my mentor today" tick (在线旁听). Kept apart from actions.ts
// so unit tests can run them against a test database; actions.ts wraps them in defineAction.
import { randomUUID } from 'node:crypto';
import type { Db } from '@/db/client';
import { listTraineeDrillGroupDays } from '@/db/queries/drills';
import {
  deleteRecording,
  findRecordingByRequestKey,
  getRecording,
  getTraineeDay,
  insertRecording,
  setLiveShadowing,
} from '@/db/queries/shadowing';
import { getTraineeByUser, type TraineeRecord } from '@/db/queries/trainees';
import type { DbOrTx } from '@/db/tx';
import { blockHasLiveShadowingRule, checkTraineeLogDay } from '@/domain/floor-days';
import { loadTraineeFor } from '@/lib/access';
import type { ActionContext } from '@/lib/action';
import type { Action, Actor } from '@/lib/authz';
import { AppError } from '@/lib/errors';
import { computeTraineePlan, loadProgramContext, refreshTraineeStatus, todayFor } from '@/lib/program';
import type { z } from '@/lib/validation';
import type { deleteRecordingSchema, liveShadowingSchema, logRecordingSchema } from './schema';

/** The signed-in trainee's own record; the ids come from the session, never from the form. */
export function loadOwnTrainee(db: Db, actor: Actor, action: Action): TraineeRecord {
  const own = getTraineeByUser(db, { orgId: actor.orgId, userId: actor.userId });
  if (!own) throw new AppError('not_found');
  return loadTraineeFor(db, actor, own.id, action);
}

/** Plan and facts for deciding whether the trainee may still write to `day`; inside the write's transaction. */
function checkOwnLogDay(tx: DbOrTx, trainee: TraineeRecord, day: string) {
  const ctx = loadProgramContext(tx, trainee.orgId);
  const today = todayFor(ctx);
  const plan = computeTraineePlan(tx, ctx, trainee, today);
  const row = getTraineeDay(tx, { traineeId: trainee.id, day });
  const check = checkTraineeLogDay(plan, ctx.settings, day, {
    confirmed: row?.confirmedBy != null,
    drillGroupDays: listTraineeDrillGroupDays(tx, { traineeId: trainee.id }),
  });
  if (!check.ok) throw new AppError(check.reason);
  return { ctx, today, block: check.block };
}

export function logRecording(input: z.output<typeof logRecordingSchema>, { actor, db }: ActionContext) {
  const trainee = loadOwnTrainee(db, actor, 'recording.log');
  return db.transaction(
    (tx) => {
      // A form submitted twice carries the same key: the first submission's recording stands.
      const earlier = findRecordingByRequestKey(tx, { requestKey: input.requestKey });
      if (earlier) {
        if (earlier.traineeId !== trainee.id) throw new AppError('conflict');
        return { recordingId: earlier.id, duplicate: true, nextRequestKey: randomUUID() };
      }
      const { ctx, today } = checkOwnLogDay(tx, trainee, input.day);
      const recording = insertRecording(tx, {
        traineeId: trainee.id,
        day: input.day,
        recordingRef: input.recordingRef,
        agentName: input.agentName,
        callType: input.callType,
        wentWell: input.wentWell,
        toLearn: input.toLearn,
        requestKey: input.requestKey,
      });
      refreshTraineeStatus(tx, ctx, trainee, today);
      return { recordingId: recording.id, duplicate: false, nextRequestKey: randomUUID() };
    },
    { behavior: 'immediate' },
  );
}

export function removeRecording(input: z.output<typeof deleteRecordingSchema>, { actor, db }: ActionContext) {
  const trainee = loadOwnTrainee(db, actor, 'recording.log');
  return db.transaction(
    (tx) => {
      const recording = getRecording(tx, { traineeId: trainee.id, recordingId: input.recordingId });
      // Already gone (a second click) is the outcome the trainee asked for.
      if (!recording) return { deleted: false };
      const { ctx, today } = checkOwnLogDay(tx, trainee, recording.day);
      deleteRecording(tx, { traineeId: trainee.id, recordingId: recording.id, day: recording.day });
      refreshTraineeStatus(tx, ctx, trainee, today);
      return { deleted: true };
    },
    { behavior: 'immediate' },
  );
}

/** The trainee's own account of the live shadowing; the mentor's confirmation makes it final. */
export function markLiveShadowing(input: z.output<typeof liveShadowingSchema>, { actor, db }: ActionContext) {
  const trainee = loadOwnTrainee(db, actor, 'recording.log');
  return db.transaction(
    (tx) => {
      const { ctx, today, block } = checkOwnLogDay(tx, trainee, input.day);
      if (!blockHasLiveShadowingRule(block, ctx.settings)) throw new AppError('day_not_shadowing');
      setLiveShadowing(tx, { traineeId: trainee.id, day: input.day, attended: input.attended });
      refreshTraineeStatus(tx, ctx, trainee, today);
      return { attended: input.attended };
    },
    { behavior: 'immediate' },
  );
}
