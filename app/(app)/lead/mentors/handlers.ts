// A lead hands a trainee to another mentor. The history is kept: the current assignment is
// closed, a new one opens, and the past mentor keeps read access (lib/authz 'past_mentor').
import { findActiveMentor, getCurrentMentorId, reassignMentor } from '@/db/queries/mentors';
import { maxIsoDate } from '@/domain/dates';
import { loadTraineeFor } from '@/lib/access';
import type { ActionContext } from '@/lib/action';
import { AppError } from '@/lib/errors';
import { loadProgramContext, todayFor } from '@/lib/program';
import type { z } from '@/lib/validation';
import type { reassignMentorSchema } from './schema';

export type ReassignOutcome = { status: 'reassigned'; mentorName: string; effectiveDate: string } | { status: 'unchanged'; mentorName: string };

export function reassignTraineeMentor(input: z.output<typeof reassignMentorSchema>, { actor, db }: ActionContext): ReassignOutcome {
  const trainee = loadTraineeFor(db, actor, input.traineeId, 'mentor.assign');
  return db.transaction(
    (tx): ReassignOutcome => {
      const mentor = findActiveMentor(tx, { orgId: actor.orgId, mentorId: input.mentorId });
      if (!mentor) throw new AppError('mentor_unavailable');
      // The same form sent twice finds the change already made and records nothing more.
      if (getCurrentMentorId(tx, { orgId: actor.orgId, traineeId: trainee.id }) === mentor.id) {
        return { status: 'unchanged', mentorName: mentor.displayName };
      }
      const ctx = loadProgramContext(tx, actor.orgId);
      // Before the trainee's first day the new mentor simply takes over from that day.
      const effectiveDate = maxIsoDate(todayFor(ctx), trainee.startDate);
      reassignMentor(tx, { traineeId: trainee.id, mentorId: mentor.id, effectiveDate, assignedBy: actor.userId, reason: input.reason });
      return { status: 'reassigned', mentorName: mentor.displayName, effectiveDate };
    },
    { behavior: 'immediate' },
  );
}
