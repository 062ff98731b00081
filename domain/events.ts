// Program events: the facts a trainee's plan is derived from (STYLE.md habit 6). They are appended,
// never edited; a correction is a new event whose payload names the event it supersedes.
import { z } from 'zod';
import { isoDateSchema } from './dates-schema';
import { programStages, trainingStages, traineeClasses } from './program-settings';

/** The database hands out integer ids; tests and imports may use strings. */
export const eventIdSchema = z.union([z.number().int(), z.string().min(1)]);
export type ProgramEventId = z.infer<typeof eventIdSchema>;

const reasonSchema = z.string().trim().min(1).max(2000);
const positiveDays = z.number().int().positive().max(366);
const percentSchema = z.number().min(0).max(100);
const programStageSchema = z.enum(programStages);
const trainingStageSchema = z.enum(trainingStages);

// Every payload may name the event it corrects; the superseded event is then ignored.
const correction = { supersedesEventId: eventIdSchema.optional() };

export const eventPayloadSchemas = {
  enrolled: z.object({ ...correction, traineeClass: z.enum(traineeClasses).optional() }),
  /** The classroom feature appends stage_completed{classroom} when the last required quiz passes. */
  stage_completed: z.object({ ...correction, stage: trainingStageSchema }),
  /** An excused day: it doesn't count against quotas and moves the plan by one working day. */
  absence_excused: z.object({ ...correction, date: isoDateSchema }),
  /** B only; informational for the plan (the classroom feature decides completion). */
  module_waived: z.object({
    ...correction,
    moduleId: z.string().min(1),
    via: z.enum(['placement_quiz', 'lead']).optional(),
  }),
  exam_recorded: z.object({ ...correction, passed: z.boolean(), scorePercent: percentSchema }),
  solo_passed: z.object({ ...correction, scorePercent: percentSchema.optional() }),
  solo_failed: z.object({ ...correction, scorePercent: percentSchema.optional() }),
  /** causeEventId: the solo failure or decision that scheduled it; ignored if that event is superseded. */
  extension_scheduled: z.object({
    ...correction,
    days: positiveDays,
    stage: trainingStageSchema,
    causeEventId: eventIdSchema.optional(),
  }),
  probation_passed: z.object({ ...correction, scorePercent: percentSchema.optional() }),
  /** The lead may name the stage to retrain in; the default comes from the settings. */
  probation_failed: z.object({
    ...correction,
    scorePercent: percentSchema.optional(),
    retrainingStage: trainingStageSchema.optional(),
    retrainingDays: positiveDays.optional(),
  }),
  retraining_scheduled: z.object({
    ...correction,
    stage: trainingStageSchema,
    days: positiveDays,
    causeEventId: eventIdSchema.optional(),
  }),
  decision_taken: z.object({
    ...correction,
    decision: z.enum(['continue', 'exit']),
    retrainingStage: trainingStageSchema.optional(),
    retrainingDays: positiveDays.optional(),
  }),
  override: z
    .object({
      ...correction,
      action: z.enum(['complete_stage', 'set_stage_days', 'restart_stage']),
      stage: programStageSchema,
      days: positiveDays.optional(),
    })
    .superRefine((payload, ctx) => {
      if (payload.action === 'set_stage_days' && payload.days === undefined) {
        ctx.addIssue({ code: 'custom', path: ['days'], message: 'days_required' });
      }
      // Assessments end with a result event (solo_passed, probation_failed…), not by decree.
      if (payload.action === 'complete_stage' && (payload.stage === 'solo' || payload.stage === 'probation')) {
        ctx.addIssue({ code: 'custom', path: ['stage'], message: 'stage_needs_result_event' });
      }
    }),
  certified: z.object({ ...correction, code: z.string().min(1) }),
  /** Withdraws the event named in supersedesEventId without replacing it. */
  event_voided: z.object({ supersedesEventId: eventIdSchema }),
} as const;

export type ProgramEventKind = keyof typeof eventPayloadSchemas;
export const programEventKinds = Object.keys(eventPayloadSchemas) as ProgramEventKind[];
export type EventPayload<K extends ProgramEventKind> = z.infer<(typeof eventPayloadSchemas)[K]>;

const baseFields = {
  id: eventIdSchema,
  effectiveDate: isoDateSchema,
  reason: reasonSchema.nullish(),
  createdAt: z.number().int().nonnegative(),
};

function eventSchemaOf<K extends ProgramEventKind>(kind: K) {
  return z.object({ ...baseFields, kind: z.literal(kind), payload: eventPayloadSchemas[kind] });
}

// Kinds whose author must say why (STYLE.md habit 6: who, when and why).
const kindsNeedingReason: readonly ProgramEventKind[] = ['override', 'decision_taken', 'event_voided'];

export const programEventSchema = z
  .discriminatedUnion('kind', [
    eventSchemaOf('enrolled'),
    eventSchemaOf('stage_completed'),
    eventSchemaOf('absence_excused'),
    eventSchemaOf('module_waived'),
    eventSchemaOf('exam_recorded'),
    eventSchemaOf('solo_passed'),
    eventSchemaOf('solo_failed'),
    eventSchemaOf('extension_scheduled'),
    eventSchemaOf('probation_passed'),
    eventSchemaOf('probation_failed'),
    eventSchemaOf('retraining_scheduled'),
    eventSchemaOf('decision_taken'),
    eventSchemaOf('override'),
    eventSchemaOf('certified'),
    eventSchemaOf('event_voided'),
  ])
  .superRefine((event, ctx) => {
    const corrects = 'supersedesEventId' in event.payload && event.payload.supersedesEventId !== undefined;
    if ((corrects || kindsNeedingReason.includes(event.kind)) && !event.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'reason_required' });
    }
    if (corrects && event.payload.supersedesEventId === event.id) {
      ctx.addIssue({ code: 'custom', path: ['payload', 'supersedesEventId'], message: 'cannot_supersede_itself' });
    }
  });

export type ProgramEvent = z.infer<typeof programEventSchema>;
export type ProgramEventOf<K extends ProgramEventKind> = Extract<ProgramEvent, { kind: K }>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An event not yet stored: the database gives it an id and createdAt. */
export type ProgramEventDraft = DistributiveOmit<ProgramEvent, 'id' | 'createdAt'>;

/** Parses a stored row ({ id, kind, effectiveDate, payload, reason, createdAt }) into a typed event. */
export function parseProgramEvent(row: unknown): ProgramEvent {
  return programEventSchema.parse(row);
}

export function isEventOfKind<K extends ProgramEventKind>(event: ProgramEvent, kind: K): event is ProgramEventOf<K> {
  return event.kind === kind;
}

function compareEventIds(a: ProgramEventId, b: ProgramEventId): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** The one order the engine reads events in: (effectiveDate, createdAt, id). Input order never matters. */
export function compareProgramEvents(a: ProgramEvent, b: ProgramEvent): number {
  if (a.effectiveDate !== b.effectiveDate) return a.effectiveDate < b.effectiveDate ? -1 : 1;
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return compareEventIds(a.id, b.id);
}

export function sortProgramEvents(events: readonly ProgramEvent[]): ProgramEvent[] {
  return [...events].sort(compareProgramEvents);
}

export type IgnoredEvent = { eventId: ProgramEventId; code: 'superseded' | 'cause_withdrawn' };

function eventKey(id: ProgramEventId): string {
  return `${typeof id}:${id}`;
}

function getCauseEventId(event: ProgramEvent): ProgramEventId | undefined {
  if (event.kind === 'extension_scheduled' || event.kind === 'retraining_scheduled') return event.payload.causeEventId;
  return undefined;
}

/**
 * The events still in force, sorted. An event named by any supersedesEventId is ignored — even if
 * the correction is itself later corrected (a withdrawn fact is restated by a new event, never
 * revived). An event scheduled because of an ignored event (its causeEventId) is ignored too.
 */
export function resolveEffectiveEvents(events: readonly ProgramEvent[]): {
  effective: ProgramEvent[];
  ignored: IgnoredEvent[];
} {
  const sorted = sortProgramEvents(events);
  const superseded = new Set<string>();
  for (const event of sorted) {
    const target = 'supersedesEventId' in event.payload ? event.payload.supersedesEventId : undefined;
    if (target !== undefined) superseded.add(eventKey(target));
  }
  const withdrawn = new Set(superseded);
  const causeWithdrawn = new Set<string>();
  // Causes chain at most a couple of levels; loop until nothing new is withdrawn.
  let changed = true;
  while (changed) {
    changed = false;
    for (const event of sorted) {
      const key = eventKey(event.id);
      const cause = getCauseEventId(event);
      if (!withdrawn.has(key) && cause !== undefined && withdrawn.has(eventKey(cause))) {
        withdrawn.add(key);
        causeWithdrawn.add(key);
        changed = true;
      }
    }
  }
  const effective: ProgramEvent[] = [];
  const ignored: IgnoredEvent[] = [];
  for (const event of sorted) {
    const key = eventKey(event.id);
    // event_voided has done its work by naming its target; it carries nothing for the plan.
    if (superseded.has(key)) ignored.push({ eventId: event.id, code: 'superseded' });
    else if (causeWithdrawn.has(key)) ignored.push({ eventId: event.id, code: 'cause_withdrawn' });
    else if (event.kind !== 'event_voided') effective.push(event);
  }
  return { effective, ignored };
}

export function isSameEventId(a: ProgramEventId | undefined, b: ProgramEventId | undefined): boolean {
  return a !== undefined && b !== undefined && eventKey(a) === eventKey(b);
}
