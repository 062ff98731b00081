// The mentor's queue (SPEC "What good looks like": today's sampled calls to review for each mentee,
// and which mentees are behind): one entry per current mentee with the work waiting for the mentor
// and the mentee's progress today. Facts come from db/queries, decisions from domain/.
import type { Db } from '@/db/client';
import { listTraineeDrillGroupDays, listUncommentedDrillScripts } from '@/db/queries/drills';
import { listPendingMentorReviews, listUnconfirmedActiveDays, type PendingReviewDay, type UnconfirmedDay } from '@/db/queries/mentor-queue';
import { getTrainee, listMentees, type TraineeRecord } from '@/db/queries/trainees';
import type { IsoDate } from '@/domain/dates';
import type { DayEvaluation, LiveListenCoverage } from '@/domain/day-status';
import { checkConfirmDay } from '@/domain/floor-days';
import type { BehindReason, BlockKind, PlanStage, TraineeStatus } from '@/domain/plan';
import { traineeSubject } from '@/lib/access';
import { can, type Actor } from '@/lib/authz';
import { computeTraineePlan, loadProgramContext, todayFor } from '@/lib/program';

export type MenteeQueueEntry = {
  trainee: Pick<TraineeRecord, 'id' | 'displayName' | 'traineeClass' | 'cohort'>;
  status: TraineeStatus;
  stage: { stage: PlanStage; kind: BlockKind } | null;
  daysRemainingInStage: number | null;
  today: DayEvaluation | null;
  pendingReviews: PendingReviewDay[];
  unconfirmedDays: UnconfirmedDay[];
  uncommentedScripts: { id: number; day: IsoDate }[];
  behindReasons: BehindReason[];
  coverage: LiveListenCoverage | null;
  /** Items waiting for the mentor: calls to review, days to confirm, scripts to comment. */
  waiting: number;
};

export type MentorQueue = {
  today: IsoDate;
  mentees: MenteeQueueEntry[];
  totals: { callsToReview: number; daysToConfirm: number; scriptsToComment: number; behind: number };
};

export function loadMentorQueue(db: Db, actor: Actor): MentorQueue {
  const ctx = loadProgramContext(db, actor.orgId);
  const today = todayFor(ctx);
  // Only the mentor's own current mentees, each checked against the permissions table as well.
  // Certified and exited mentees (a year's worth, for a mentor) are left out before any plan is
  // computed: only a write leaves or enters those statuses, and writes refresh the cached status.
  const mentees = listMentees(db, { orgId: actor.orgId, mentorId: actor.userId })
    .filter((m) => m.status !== 'certified' && m.status !== 'exited')
    .map((m) => getTrainee(db, { orgId: actor.orgId, traineeId: m.id }))
    .filter((t): t is TraineeRecord => t !== null && can(actor, 'trainee.read', traineeSubject(t)));
  const ids = mentees.map((t) => t.id);
  const reviews = listPendingMentorReviews(db, { traineeIds: ids, upTo: today });
  const activeDays = listUnconfirmedActiveDays(db, { traineeIds: ids, upTo: today });
  const scripts = listUncommentedDrillScripts(db, { traineeIds: ids });

  const entries = mentees.flatMap((trainee): MenteeQueueEntry[] => {
    const plan = computeTraineePlan(db, ctx, trainee, today);
    // A certified or exited trainee has nothing left for the mentor to do today.
    if (plan.status === 'certified' || plan.status === 'exited') return [];
    const current = plan.currentBlockIndex === null ? undefined : plan.blocks[plan.currentBlockIndex];
    const drillGroupDays = listTraineeDrillGroupDays(db, { traineeId: trainee.id });
    // Only days a mentor confirms: shadowing days (a recording logged on any other day isn't theirs to sign).
    const unconfirmedDays = activeDays.filter(
      (d) => d.traineeId === trainee.id && checkConfirmDay(plan, ctx.settings, d.day, drillGroupDays).ok,
    );
    const pendingReviews = reviews.filter((r) => r.traineeId === trainee.id);
    const uncommentedScripts = scripts.filter((s) => s.traineeId === trainee.id).map(({ id, day }) => ({ id, day }));
    const status = plan.status;
    return [{
      trainee: { id: trainee.id, displayName: trainee.displayName, traineeClass: trainee.traineeClass, cohort: trainee.cohort },
      status,
      stage: current ? { stage: current.stage, kind: current.kind } : null,
      daysRemainingInStage: plan.daysRemainingInStage,
      today: plan.todayEvaluation,
      pendingReviews,
      unconfirmedDays,
      uncommentedScripts,
      behindReasons: status === 'behind' ? plan.behindReasons : [],
      coverage: current?.coverage ?? null,
      waiting:
        pendingReviews.reduce((sum, r) => sum + r.pending, 0) + unconfirmedDays.length + uncommentedScripts.length,
    }];
  });

  // Most waiting work first, then the mentees who are behind, then by name.
  entries.sort(
    (a, b) =>
      b.waiting - a.waiting ||
      Number(b.status === 'behind') - Number(a.status === 'behind') ||
      a.trainee.displayName.localeCompare(b.trainee.displayName, 'zh-CN'),
  );

  return {
    today,
    mentees: entries,
    totals: {
      callsToReview: entries.reduce((sum, e) => sum + e.pendingReviews.reduce((s, r) => s + r.pending, 0), 0),
      daysToConfirm: entries.reduce((sum, e) => sum + e.unconfirmedDays.length, 0),
      scriptsToComment: entries.reduce((sum, e) => sum + e.uncommentedScripts.length, 0),
      behind: entries.filter((e) => e.status === 'behind').length,
    },
  };
}
