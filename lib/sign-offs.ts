// Writing assessment results: the solo week's result, the probation sign-off (with the certificate it
// issues) and the correction of a sign-off. Each runs in one immediate transaction that appends the
// result through lib/program.ts appendProgramEvents, so the automatic consequences (the extension
// after a failed solo week, the retraining after a failed probation, needs-decision at the limit)
// exist the moment the result does. A result is never edited: a correction supersedes it.
import { findEventsByRequestKey } from '@/db/queries/program';
import type { TraineeRecord } from '@/db/queries/trainees';
import type { Db } from '@/db/client';
import type { DbOrTx } from '@/db/tx';
import type { IsoDate } from '@/domain/dates';
import { resolveEffectiveEvents, type ProgramEvent, type ProgramEventDraft } from '@/domain/events';
import { listClassStages, type TrainingStage } from '@/domain/program-settings';
import { loadTraineeFor } from './access';
import { findLatestResult, gateOf, type AssessmentGate } from './assessment';
import type { Action, Actor } from './authz';
import { issueCertificate } from './certificates';
import { AppError } from './errors';
import { appendProgramEvents, listTraineeEvents, loadProgramContext, todayFor, type ProgramContext } from './program';

export type ResultValue = 'passed' | 'failed';

export type RecordedResult = {
  eventIds: number[];
  kinds: string[];
  /** The same request was already recorded: nothing new was written. */
  duplicate: boolean;
  certificateCode: string | null;
};

function summarise(events: readonly ProgramEvent[], duplicate: boolean): RecordedResult {
  const certified = events.find((e) => e.kind === 'certified');
  return {
    eventIds: events.map((e) => Number(e.id)),
    kinds: events.map((e) => e.kind),
    duplicate,
    certificateCode: certified?.kind === 'certified' ? certified.payload.code : null,
  };
}

/**
 * A form submitted twice carries the same key: the second submission gets the first one's events
 * back before any rule is checked again (the first one changed what the rules would say).
 */
export function findRecordedRequest(tx: DbOrTx, trainee: { id: number }, requestKey: string): RecordedResult | null {
  const earlier = findEventsByRequestKey(tx, { requestKey });
  if (earlier.length === 0) return null;
  if (earlier[0]!.traineeId !== trainee.id) throw new AppError('conflict');
  const events = listTraineeEvents(tx, trainee.id).filter((e) => Number(e.id) >= earlier[0]!.id && e.createdAt === earlier[0]!.createdAt);
  return summarise(events, true);
}

/** The stages a lead may send this trainee back to: training stages of the trainee's class. */
export function retrainingStagesFor(ctx: ProgramContext, trainee: { traineeClass: 'A' | 'B' }): TrainingStage[] {
  const stages = listClassStages(ctx.settings, trainee.traineeClass);
  return (['classroom', 'shadowing', 'drills', 'supervised'] as const).filter((s) => stages.includes(s));
}

/** The `certified` event for a passed probation, with the certificate row written in the same transaction. */
export function certifyDraft(tx: DbOrTx, params: { traineeId: number; date: IsoDate; actorId: number; nowMs: number }): ProgramEventDraft {
  const code = issueCertificate(tx, { traineeId: params.traineeId, issuedOn: params.date, issuedBy: params.actorId, nowMs: params.nowMs });
  return { kind: 'certified', effectiveDate: params.date, payload: { code }, reason: null };
}

export function appendResult(
  tx: DbOrTx,
  params: { ctx: ProgramContext; trainee: TraineeRecord; actor: Actor; today: IsoDate; requestKey: string; drafts: ProgramEventDraft[] },
): RecordedResult {
  const { events } = appendProgramEvents(tx, {
    ctx: params.ctx,
    trainee: params.trainee,
    drafts: params.drafts,
    actorId: params.actor.userId,
    today: params.today,
    requestKey: params.requestKey,
  });
  return summarise(events, false);
}

const GATE_PERMISSION: Record<AssessmentGate, Action> = { solo: 'solo.confirm', probation: 'probation.signoff' };

/**
 * Supersedes the trainee's latest result with the other result, dated like the original so it
 * applies to the same week or period, and with a reason. A corrected pass withdraws its certificate
 * (its `certified` event is voided; the code then fails verification); a corrected fail withdraws the
 * extension or retraining it scheduled (the engine ignores events whose cause is superseded); a
 * correction to a pass of probation certifies, a correction to a fail schedules as a fail would.
 */
export function correctSignOff(
  db: Db,
  actor: Actor,
  input: {
    gate: AssessmentGate;
    traineeId: number;
    eventId: number;
    result: ResultValue;
    reason: string;
    retrainingStage?: TrainingStage;
    requestKey: string;
  },
): RecordedResult {
  const trainee = loadTraineeFor(db, actor, input.traineeId, GATE_PERMISSION[input.gate]);
  return db.transaction(
    (tx) => {
      const recorded = findRecordedRequest(tx, trainee, input.requestKey);
      if (recorded) return recorded;
      const ctx = loadProgramContext(tx, trainee.orgId);
      const today = todayFor(ctx);
      const events = listTraineeEvents(tx, trainee.id);
      const latest = findLatestResult(events);
      // Only the latest result may be corrected; an older one has results built on it.
      if (!latest || Number(latest.id) !== input.eventId || gateOf(latest) !== input.gate) throw new AppError('correction_not_latest');
      const wasPassed = latest.kind.endsWith('_passed');
      if (wasPassed === (input.result === 'passed')) throw new AppError('correction_same_result');
      if (input.retrainingStage && !retrainingStagesFor(ctx, trainee).includes(input.retrainingStage)) throw new AppError('invalid_input');

      const kind = `${input.gate}_${input.result}` as const;
      const base = {
        supersedesEventId: latest.id,
        ...(latest.payload.scorePercent !== undefined ? { scorePercent: latest.payload.scorePercent } : {}),
      };
      const payload =
        kind === 'probation_failed' && input.retrainingStage ? { ...base, retrainingStage: input.retrainingStage } : base;
      const drafts: ProgramEventDraft[] = [{ kind, effectiveDate: latest.effectiveDate, payload, reason: input.reason } as ProgramEventDraft];
      if (latest.kind === 'probation_passed') {
        const { effective } = resolveEffectiveEvents(events);
        const certified = effective.findLast((e) => e.kind === 'certified');
        if (certified) drafts.push({ kind: 'event_voided', effectiveDate: today, payload: { supersedesEventId: certified.id }, reason: input.reason });
      }
      if (kind === 'probation_passed') {
        drafts.push(certifyDraft(tx, { traineeId: trainee.id, date: latest.effectiveDate, actorId: actor.userId, nowMs: Date.now() }));
      }
      return appendResult(tx, { ctx, trainee, actor, today, requestKey: input.requestKey, drafts });
    },
    { behavior: 'immediate' },
  );
}
