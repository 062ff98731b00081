// The data-access gate for records that belong to a trainee: load, check `can()`, or answer
// "not found" — a forbidden record looks exactly like a missing one.
import { notFound } from 'next/navigation';
import type { Db } from '@/db/client';
import { getTrainee, type TraineeRecord } from '@/db/queries/trainees';
import { can, type Action, type Actor, type TraineeSubject } from './authz';
import { AppError } from './errors';
import { loadProgramContext, refreshStaleStatuses, todayFor } from './program';

export function traineeSubject(t: TraineeRecord): TraineeSubject {
  return {
    kind: 'trainee',
    orgId: t.orgId,
    traineeId: t.id,
    userId: t.userId,
    mentorId: t.mentorId,
    pastMentorIds: t.pastMentorIds,
    stage: t.currentStage,
  };
}

// qa's access depends on the trainee's current stage, which a new day can change: the cached stage
// is brought up to today before it is used to authorize.
function loadCurrentTrainee(db: Db, actor: Actor, traineeId: number): TraineeRecord | null {
  if (!Number.isSafeInteger(traineeId) || traineeId <= 0) return null;
  const ctx = loadProgramContext(db, actor.orgId);
  refreshStaleStatuses(db, ctx, todayFor(ctx), traineeId);
  return getTrainee(db, { orgId: actor.orgId, traineeId });
}

/** For pages: the trainee if the actor may perform `action` on them, else the 404 page. */
export function loadTraineeOr404(db: Db, actor: Actor, traineeId: number, action: Action): TraineeRecord {
  const trainee = loadCurrentTrainee(db, actor, traineeId);
  if (!trainee || !can(actor, action, traineeSubject(trainee))) notFound();
  return trainee;
}

/** For actions and route handlers: the same check, as an error the wrapper turns into a message or a 404. */
export function loadTraineeFor(db: Db, actor: Actor, traineeId: number, action: Action): TraineeRecord {
  const trainee = loadCurrentTrainee(db, actor, traineeId);
  if (!trainee || !can(actor, action, traineeSubject(trainee))) throw new AppError('not_found');
  return trainee;
}

export function assertCanInOrg(actor: Actor, action: Action): void {
  if (!can(actor, action, { kind: 'org', orgId: actor.orgId })) throw new AppError('not_found');
}
