// The mentor's writes on a mentee's floor days: confirming a shadowing day (and the live shadowing
// attendance, 在线旁听), recording how many calls they live-listened to, and commenting on a drill
// script. Authorization: only the trainee's current mentor (lib/authz.ts day.confirm,
// liveListen.record, drill.comment); anyone else gets not_found, as if the trainee didn't exist.
import { getDrillScriptInOrg, commentDrillScript, listTraineeDrillGroupDays } from '@/db/queries/drills';
import { confirmTraineeDay, getCallsHandled, setCallsLiveListened } from '@/db/queries/shadowing';
import {
  blockHasLiveShadowingRule,
  checkConfirmDay,
  checkLiveListenDay,
  isLiveListenedWithinHandled,
} from '@/domain/floor-days';
import { loadTraineeFor } from '@/lib/access';
import type { ActionContext } from '@/lib/action';
import { AppError } from '@/lib/errors';
import { computeTraineePlan, loadProgramContext, refreshTraineeStatus, todayFor } from '@/lib/program';
import type { z } from '@/lib/validation';
import type { commentDrillScriptSchema, confirmDaySchema, liveListenSchema } from './schema';

export function confirmShadowingDay(input: z.output<typeof confirmDaySchema>, { actor, db }: ActionContext) {
  const trainee = loadTraineeFor(db, actor, input.traineeId, 'day.confirm');
  return db.transaction(
    (tx) => {
      const ctx = loadProgramContext(tx, trainee.orgId);
      const today = todayFor(ctx);
      const plan = computeTraineePlan(tx, ctx, trainee, today);
      const check = checkConfirmDay(plan, ctx.settings, input.day, listTraineeDrillGroupDays(tx, { traineeId: trainee.id }));
      if (!check.ok) throw new AppError(check.reason);
      // The mentor marks attendance when confirming; their answer replaces the trainee's tick.
      const liveShadowing = blockHasLiveShadowingRule(check.block, ctx.settings) ? (input.liveShadowing ?? false) : undefined;
      confirmTraineeDay(tx, { traineeId: trainee.id, day: input.day, mentorId: actor.userId, atMs: Date.now(), liveShadowing });
      refreshTraineeStatus(tx, ctx, trainee, today);
      return { day: input.day };
    },
    { behavior: 'immediate' },
  );
}

export function recordLiveListened(input: z.output<typeof liveListenSchema>, { actor, db }: ActionContext) {
  const trainee = loadTraineeFor(db, actor, input.traineeId, 'liveListen.record');
  return db.transaction(
    (tx) => {
      const ctx = loadProgramContext(tx, trainee.orgId);
      const today = todayFor(ctx);
      const plan = computeTraineePlan(tx, ctx, trainee, today);
      const check = checkLiveListenDay(plan, input.day);
      if (!check.ok) throw new AppError(check.reason);
      const handled = getCallsHandled(tx, { traineeId: trainee.id, day: input.day });
      if (!isLiveListenedWithinHandled(input.callsLiveListened, handled)) throw new AppError('live_listened_exceeds_handled');
      setCallsLiveListened(tx, { traineeId: trainee.id, day: input.day, calls: input.callsLiveListened });
      refreshTraineeStatus(tx, ctx, trainee, today);
      return { day: input.day, callsLiveListened: input.callsLiveListened };
    },
    { behavior: 'immediate' },
  );
}

export function commentOnDrillScript(input: z.output<typeof commentDrillScriptSchema>, { actor, db }: ActionContext) {
  const script = getDrillScriptInOrg(db, { orgId: actor.orgId, scriptId: input.scriptId });
  if (!script) throw new AppError('not_found');
  loadTraineeFor(db, actor, script.traineeId, 'drill.comment');
  db.transaction((tx) => {
    commentDrillScript(tx, { scriptId: script.id, comment: input.comment, mentorId: actor.userId, atMs: Date.now() });
  });
  return { scriptId: script.id };
}
