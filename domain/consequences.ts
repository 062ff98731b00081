// Failure is automatic, not an email: the events that must be appended, in the same transaction,
// when a result or decision is recorded. The app stores them; the plan then shows the new blocks.
import {
  compareProgramEvents,
  isSameEventId,
  resolveEffectiveEvents,
  type ProgramEvent,
  type ProgramEventDraft,
  type ProgramEventOf,
} from './events';
import type { ProgramSettings, TrainingStage } from './program-settings';

type Failure = ProgramEventOf<'solo_failed' | 'probation_failed'>;

function isFailure(event: ProgramEvent): event is Failure {
  return event.kind === 'solo_failed' || event.kind === 'probation_failed';
}

/** The failure still waiting for a lead's decision just before `until`, if any. */
function findFailureAwaitingDecision(
  effective: readonly ProgramEvent[],
  until: ProgramEvent,
  settings: ProgramSettings,
): Failure | null {
  const failures = { solo_failed: 0, probation_failed: 0 };
  let awaiting: Failure | null = null;
  for (const event of effective) {
    if (event === until) break;
    if (isFailure(event)) {
      failures[event.kind]++;
      awaiting = failures[event.kind] >= settings.failedAttemptLimit ? event : null;
    } else if (event.kind === 'decision_taken') {
      awaiting = null;
    }
  }
  return awaiting;
}

function scheduleFollowUp(
  failure: Failure,
  cause: ProgramEvent,
  settings: ProgramSettings,
  lead: { stage?: TrainingStage; days?: number },
): ProgramEventDraft {
  if (failure.kind === 'solo_failed') {
    // seeds/000 篇二 四(三)(二)2): 否则延长一周的监听培训期 — one extension week, then a new solo week.
    return {
      kind: 'extension_scheduled',
      effectiveDate: cause.effectiveDate,
      payload: { days: settings.extension.days, stage: settings.extension.stage, causeEventId: cause.id },
      reason: null,
    };
  }
  // seeds/000 篇二 四(三)(三): 未达标者将返回重新进行相关培训 — retraining, then solo and a new probation.
  return {
    kind: 'retraining_scheduled',
    effectiveDate: cause.effectiveDate,
    payload: {
      stage: lead.stage ?? failure.payload.retrainingStage ?? settings.retraining.defaultStage,
      days: lead.days ?? failure.payload.retrainingDays ?? settings.retraining.days,
      causeEventId: cause.id,
    },
    reason: null,
  };
}

/**
 * The events `newEvent` makes necessary: solo_failed → extension_scheduled; probation_failed →
 * retraining_scheduled; from the failedAttemptLimit-th failure at a gate nothing (the plan shows
 * needs_decision) until decision_taken{continue} schedules the follow-up. probation_passed → certified
 * is the app's (it issues the code). Each scheduled event names its cause, so superseding the cause
 * withdraws it too.
 */
export function computeConsequences(
  newEvent: ProgramEvent,
  history: readonly ProgramEvent[],
  settings: ProgramSettings,
): ProgramEventDraft[] {
  const all = [...history.filter((e) => !isSameEventId(e.id, newEvent.id)), newEvent];
  const { effective } = resolveEffectiveEvents(all);
  if (!effective.includes(newEvent)) return [];

  if (isFailure(newEvent)) {
    const failuresSoFar = effective.filter(
      (e) => e.kind === newEvent.kind && compareProgramEvents(e, newEvent) <= 0,
    ).length;
    // seeds/000 篇二 四(三): repeated failure at the same gate is a lead's call, not an automatic week.
    if (failuresSoFar >= settings.failedAttemptLimit) return [];
    return [scheduleFollowUp(newEvent, newEvent, settings, {})];
  }

  if (newEvent.kind === 'decision_taken' && newEvent.payload.decision === 'continue') {
    const failure = findFailureAwaitingDecision(effective, newEvent, settings);
    if (!failure) return [];
    return [
      scheduleFollowUp(failure, newEvent, settings, {
        stage: newEvent.payload.retrainingStage,
        days: newEvent.payload.retrainingDays,
      }),
    ];
  }

  return [];
}
