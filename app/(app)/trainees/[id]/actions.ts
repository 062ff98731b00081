'use server';

import type { ProgramEventDraft } from '@/domain/events';
import { isWorkingDay } from '@/domain/calendar';
import { loadTraineeFor } from '@/lib/access';
import { defineAction } from '@/lib/action';
import { AppError } from '@/lib/errors';
import { appendProgramEvents, loadProgramContext, todayFor } from '@/lib/program';
import { decisionSchema, excuseAbsenceSchema, overrideSchema } from './schema';
import type { Actor } from '@/lib/authz';
import type { Db } from '@/db/client';
import type { TraineeRecord } from '@/db/queries/trainees';

// Every plan change is an event with who, when and why (SPEC "Failure is automatic, not an email").
function recordPlanChange(
  db: Db,
  actor: Actor,
  trainee: TraineeRecord,
  requestKey: string,
  build: (today: string) => ProgramEventDraft[],
) {
  const ctx = loadProgramContext(db, actor.orgId);
  const today = todayFor(ctx);
  return db.transaction(
    (tx) => {
      const { events } = appendProgramEvents(tx, { ctx, trainee, drafts: build(today), actorId: actor.userId, today, requestKey });
      return { eventIds: events.map((e) => e.id) };
    },
    { behavior: 'immediate' },
  );
}

export const excuseAbsence = defineAction(excuseAbsenceSchema, (input, { actor, db }) => {
  const trainee = loadTraineeFor(db, actor, input.traineeId, 'trainee.plan.manage');
  const ctx = loadProgramContext(db, actor.orgId);
  if (!isWorkingDay(ctx.calendar, input.date)) throw new AppError('plan.not_working_day');
  if (input.date < trainee.startDate) throw new AppError('plan.before_start');
  return recordPlanChange(db, actor, trainee, input.requestKey, () => [
    { kind: 'absence_excused', effectiveDate: input.date, payload: { date: input.date }, reason: input.reason },
  ]);
});

export const overrideStage = defineAction(overrideSchema, (input, { actor, db }) =>
  recordPlanChange(db, actor, loadTraineeFor(db, actor, input.traineeId, 'trainee.plan.manage'), input.requestKey, (today) => [
    {
      kind: 'override',
      effectiveDate: today,
      payload: {
        action: input.action,
        stage: input.stage,
        ...(input.action === 'set_stage_days' && typeof input.days === 'number' ? { days: input.days } : {}),
      },
      reason: input.reason,
    },
  ]),
);

export const takeDecision = defineAction(decisionSchema, (input, { actor, db }) =>
  recordPlanChange(db, actor, loadTraineeFor(db, actor, input.traineeId, 'trainee.plan.manage'), input.requestKey, (today) => [
    {
      kind: 'decision_taken',
      effectiveDate: today,
      payload: {
        decision: input.decision,
        ...(input.decision === 'continue' && input.retrainingStage ? { retrainingStage: input.retrainingStage } : {}),
      },
      reason: input.reason,
    },
  ]),
);
