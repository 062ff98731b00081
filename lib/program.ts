// The bridge between stored facts and the program engine: load the settings and the calendar,
// compute a trainee's plan from their events, and append new events together with the events
// they make necessary (a failed solo week → its extension) in the caller's transaction.
import { buildWorkCalendar, type WorkCalendar } from '@/domain/calendar';
import { computeConsequences } from '@/domain/consequences';
import { computeDashboardFacts, countPendingReviews, type TraineeDashboardFacts } from '@/domain/dashboard';
import { todayInTimeZone, type IsoDate } from '@/domain/dates';
import { programEventSchema, type ProgramEvent, type ProgramEventDraft } from '@/domain/events';
import { computePlan, type Plan } from '@/domain/plan';
import type { ProgramSettings, TraineeClass } from '@/domain/program-settings';
import {
  findEventsByRequestKey,
  getOrganisation,
  insertProgramEvent,
  listCalendarOverrides,
  listTraineeActivity,
  listTraineeEventRows,
  listTraineesWithStaleStatus,
  listTraineeStatusCache,
  updateTraineeStatusCache,
} from '@/db/queries/program';
import type { Db } from '@/db/client';
import type { ProgramEventRow } from '@/db/schema';
import type { DbOrTx } from '@/db/tx';
import { loadHolidayCalendar, toWorkCalendarInput } from './content/holidays';
import { loadProgramSettings } from './content/program';
import { AppError } from './errors';

export type ProgramContext = { orgId: number; settings: ProgramSettings; calendar: WorkCalendar; timeZone: string };

export type PlannedTrainee = { id: number; orgId: number; traineeClass: TraineeClass; startDate: IsoDate };

export function loadProgramContext(db: DbOrTx, orgId: number): ProgramContext {
  const settings = loadProgramSettings();
  const org = getOrganisation(db, { orgId });
  const overrides = listCalendarOverrides(db, { orgId }).map((o) => ({ date: o.day, kind: o.kind }));
  return { orgId, settings, calendar: workCalendarFor(overrides), timeZone: org?.timeZone ?? settings.timeZone };
}

// Building the calendar (two years of holidays into sets) took longer than the rest of a request's
// program context; it depends only on the holiday file and the overrides, read on every call, so the
// calendar is rebuilt exactly when an override changes (the holiday file is read once per process).
// A few organisations' worth are kept.
const calendars = new Map<string, WorkCalendar>();
const CALENDARS_KEPT = 16;

function workCalendarFor(overrides: { date: IsoDate; kind: 'holiday' | 'workday' }[]): WorkCalendar {
  const key = JSON.stringify(overrides);
  const hit = calendars.get(key);
  if (hit) return hit;
  const calendar = buildWorkCalendar(toWorkCalendarInput(loadHolidayCalendar(), overrides));
  if (calendars.size >= CALENDARS_KEPT) calendars.delete(calendars.keys().next().value!);
  calendars.set(key, calendar);
  return calendar;
}

/**
 * Today in the organisation's time zone, never the server's. APP_TODAY pins the day (ISO date) for an
 * end-to-end run started on a weekend or holiday, when no trainee has a working day to show.
 */
export function todayFor(ctx: ProgramContext, nowMs: number = Date.now()): IsoDate {
  const pinned = process.env.APP_TODAY;
  if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return pinned;
  return todayInTimeZone(nowMs, ctx.timeZone);
}

export function toProgramEvent(row: ProgramEventRow): ProgramEvent {
  return programEventSchema.parse({
    id: row.id,
    kind: row.kind,
    effectiveDate: row.effectiveDate,
    payload: row.payload,
    reason: row.reason,
    createdAt: row.createdAt,
  });
}

export function listTraineeEvents(db: DbOrTx, traineeId: number): ProgramEvent[] {
  return listTraineeEventRows(db, { traineeId }).map(toProgramEvent);
}

/** The plan with the facts it was computed from. */
function computeTraineePlanWithFacts(db: DbOrTx, ctx: ProgramContext, trainee: PlannedTrainee, today: IsoDate) {
  const events = listTraineeEvents(db, trainee.id);
  const activity = listTraineeActivity(db, { traineeId: trainee.id });
  const plan = computePlan({
    trainee: { traineeClass: trainee.traineeClass, startDate: trainee.startDate },
    settings: ctx.settings,
    calendar: ctx.calendar,
    events,
    activity,
    today,
  });
  return { plan, events, activity };
}

export function computeTraineePlan(db: DbOrTx, ctx: ProgramContext, trainee: PlannedTrainee, today: IsoDate): Plan {
  return computeTraineePlanWithFacts(db, ctx, trainee, today).plan;
}

/** What the lead's dashboard shows about the trainee today, from the engine (stored by refreshTraineeStatus). */
export function computeTraineeDashboardFacts(db: DbOrTx, ctx: ProgramContext, trainee: PlannedTrainee, today: IsoDate): TraineeDashboardFacts {
  return dashboardFactsOf(ctx, trainee, computeTraineePlanWithFacts(db, ctx, trainee, today));
}

function dashboardFactsOf(
  ctx: ProgramContext,
  trainee: PlannedTrainee,
  { plan, events, activity }: ReturnType<typeof computeTraineePlanWithFacts>,
): TraineeDashboardFacts {
  return computeDashboardFacts(
    { plan, events, startDate: trainee.startDate, pendingReviews: countPendingReviews(activity, plan.today) },
    ctx.calendar,
  );
}

/** The stage label lists and filters use: an extension or retraining block shows as such. */
export function currentStageOf(plan: Plan): string | null {
  if (plan.status === 'certified') return 'certified';
  const index = plan.currentBlockIndex ?? plan.nextBlockIndex;
  const block = index === null ? undefined : plan.blocks[index];
  if (!block || plan.status === 'not_started' || plan.status === 'exited') return null;
  return block.kind === 'regular' ? block.stage : block.kind;
}

/**
 * Recomputes the cached status and stage columns, and the dashboard's facts about the trainee, from
 * the events and the day facts.
 */
export function refreshTraineeStatus(db: DbOrTx, ctx: ProgramContext, trainee: PlannedTrainee, today: IsoDate): Plan {
  const computed = computeTraineePlanWithFacts(db, ctx, trainee, today);
  const { plan } = computed;
  updateTraineeStatusCache(db, {
    traineeId: trainee.id,
    status: plan.status,
    currentStage: currentStageOf(plan),
    asOf: today,
    dashboardFacts: dashboardFactsOf(ctx, trainee, computed),
  });
  return plan;
}

/**
 * Brings cached statuses up to `today`. A new day can move a trainee into the next stage or make a
 * missed day count, with no write to trigger a refresh; readers that filter or authorize by the cache
 * call this first. Only rows computed before today are recomputed, so it costs nothing after the
 * first request of the day.
 */
export function refreshStaleStatuses(db: Db, ctx: ProgramContext, today: IsoDate, traineeId?: number): number {
  const stale = listTraineesWithStaleStatus(db, { orgId: ctx.orgId, today, traineeId });
  refreshInChunks(db, ctx, stale, today);
  return stale.length;
}

/** `npm run db:rebuild-status`: recompute every cached status from the events, whatever its date. */
export function rebuildAllStatuses(db: Db, ctx: ProgramContext, today: IsoDate): number {
  const all = listTraineeStatusCache(db, { orgId: ctx.orgId });
  refreshInChunks(db, ctx, all, today);
  return all.length;
}

// A whole organisation's refresh takes seconds (about 0.7 ms a trainee); one transaction per chunk
// holds the write lock for tens of milliseconds at a time, so another process's writes (a second
// server, the rebuild command, a backup) wait well under busy_timeout. Each row is right on its own.
const REFRESH_CHUNK = 100;

function refreshInChunks(db: Db, ctx: ProgramContext, trainees: readonly PlannedTrainee[], today: IsoDate): void {
  for (let i = 0; i < trainees.length; i += REFRESH_CHUNK) {
    db.transaction((tx) => {
      for (const trainee of trainees.slice(i, i + REFRESH_CHUNK)) refreshTraineeStatus(tx, ctx, trainee, today);
    });
  }
}

/**
 * Appends events and every event they make necessary, then refreshes the trainee's cached status.
 * Run it inside the transaction that records the fact causing the events, so the extension after a
 * failure exists the moment the failure does. With a requestKey, a repeated submission returns the
 * events the first one stored and writes nothing.
 */
export function appendProgramEvents(
  tx: DbOrTx,
  params: {
    ctx: ProgramContext;
    trainee: PlannedTrainee;
    drafts: ProgramEventDraft[];
    actorId: number | null;
    today: IsoDate;
    requestKey?: string;
    nowMs?: number;
  },
): { events: ProgramEvent[]; duplicate: boolean } {
  if (params.requestKey) {
    const earlier = findEventsByRequestKey(tx, { requestKey: params.requestKey });
    if (earlier.length > 0) {
      const all = listTraineeEventRows(tx, { traineeId: params.trainee.id });
      const firstId = earlier[0]!.id;
      // The first submission's events and the consequences stored right after them.
      return { events: all.filter((r) => r.id >= firstId && r.createdAt === earlier[0]!.createdAt).map(toProgramEvent), duplicate: true };
    }
  }
  const now = params.nowMs ?? Date.now();
  const history = listTraineeEvents(tx, params.trainee.id);
  const appended: ProgramEvent[] = [];
  const queue: { draft: ProgramEventDraft; actorId: number | null }[] = params.drafts.map((draft) => ({ draft, actorId: params.actorId }));
  let requestKey = params.requestKey;
  while (queue.length > 0) {
    const { draft, actorId } = queue.shift()!;
    // Validate before writing: a malformed draft must not leave half the batch behind.
    const checked = programEventSchema.safeParse({ ...draft, id: -1, createdAt: now });
    if (!checked.success) throw new AppError('invalid_input', checked.error.issues.map((i) => i.message).join('; '));
    const row = insertProgramEvent(tx, {
      orgId: params.trainee.orgId,
      traineeId: params.trainee.id,
      kind: draft.kind,
      effectiveDate: draft.effectiveDate,
      payload: draft.payload as Record<string, unknown>,
      reason: draft.reason ?? null,
      actorId,
      requestKey: requestKey ?? null,
      createdAt: now,
    });
    requestKey = undefined;
    const event = toProgramEvent(row);
    // Consequences are the system's doing: no actor.
    for (const consequence of computeConsequences(event, history, params.ctx.settings)) {
      queue.push({ draft: consequence, actorId: null });
    }
    history.push(event);
    appended.push(event);
  }
  refreshTraineeStatus(tx, params.ctx, params.trainee, params.today);
  return { events: appended, duplicate: false };
}
