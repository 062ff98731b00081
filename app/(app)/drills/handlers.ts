// The trainee's drill script (话述) for a day they drilled in a group. One script per trainee and
// day (drill_scripts unique index); a resubmission before the mentor comments replaces the text,
// so a form sent twice records once.
import { findTraineeDrillGroup, getDrillScript, saveDrillScript } from '@/db/queries/drills';
import { checkDrillScriptDay } from '@/domain/floor-days';
import type { ActionContext } from '@/lib/action';
import { AppError } from '@/lib/errors';
import { computeTraineePlan, loadProgramContext, refreshTraineeStatus, todayFor } from '@/lib/program';
import type { z } from '@/lib/validation';
import { loadOwnTrainee } from '../shadowing/handlers';
import type { submitDrillScriptSchema } from './schema';

export function submitDrillScript(input: z.output<typeof submitDrillScriptSchema>, { actor, db }: ActionContext) {
  const trainee = loadOwnTrainee(db, actor, 'drill.submit');
  return db.transaction(
    (tx) => {
      const ctx = loadProgramContext(tx, trainee.orgId);
      const today = todayFor(ctx);
      const plan = computeTraineePlan(tx, ctx, trainee, today);
      const group = findTraineeDrillGroup(tx, { traineeId: trainee.id, day: input.day });
      const existing = getDrillScript(tx, { traineeId: trainee.id, day: input.day });
      const check = checkDrillScriptDay(plan, input.day, { inGroup: group !== null, commented: existing?.mentorComment != null });
      if (!check.ok) throw new AppError(check.reason === 'day_confirmed' ? 'drill_script_commented' : check.reason);
      const scriptId = saveDrillScript(tx, {
        traineeId: trainee.id,
        day: input.day,
        groupId: group!.id,
        scenarioId: group!.scenarioId,
        script: input.script,
      });
      refreshTraineeStatus(tx, ctx, trainee, today);
      return { scriptId };
    },
    { behavior: 'immediate' },
  );
}
