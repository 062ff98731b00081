// The lead forms the day's drill groups (话务模拟演练, class A only): a scenario and the trainees
// who are in their drills stage that day. A trainee drills in one group a day.
import {
  deleteDrillGroup,
  findDrillGroupByName,
  getDrillGroup,
  insertDrillGroup,
  listClassATrainees,
  listGroupedTraineeIds,
} from '@/db/queries/drills';
import { isWorkingDay } from '@/domain/calendar';
import { isDrillDayFor } from '@/domain/floor-days';
import { assertCanInOrg } from '@/lib/access';
import type { ActionContext } from '@/lib/action';
import { getDrillScenario } from '@/lib/content/drills';
import { AppError } from '@/lib/errors';
import { computeTraineePlan, loadProgramContext, todayFor } from '@/lib/program';
import type { z } from '@/lib/validation';
import type { createDrillGroupSchema, deleteDrillGroupSchema } from './schema';

function sameMembers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && [...a].sort().every((id, i) => id === [...b].sort()[i]);
}

export function createDrillGroup(input: z.output<typeof createDrillGroupSchema>, { actor, db }: ActionContext) {
  assertCanInOrg(actor, 'drill.manage');
  if (!getDrillScenario(input.scenarioId)) throw new AppError('drill_scenario_unknown');
  const traineeIds = [...new Set(input.traineeIds)];
  return db.transaction(
    (tx) => {
      const ctx = loadProgramContext(tx, actor.orgId);
      const today = todayFor(ctx);
      if (input.day < today) throw new AppError('drill_day_past');
      if (!isWorkingDay(ctx.calendar, input.day)) throw new AppError('day_not_working');

      const existing = findDrillGroupByName(tx, { orgId: actor.orgId, day: input.day, name: input.name });
      if (existing) {
        // The same form submitted twice: the first submission's group stands.
        const group = getDrillGroup(tx, { orgId: actor.orgId, groupId: existing.id });
        const memberIds = group?.members.map((m) => m.traineeId) ?? [];
        if (existing.scenarioId === input.scenarioId && sameMembers(memberIds, traineeIds)) {
          return { groupId: existing.id, duplicate: true };
        }
        throw new AppError('drill_group_name_taken');
      }

      const candidates = new Map(listClassATrainees(tx, { orgId: actor.orgId }).map((t) => [t.id, t]));
      const grouped = listGroupedTraineeIds(tx, { orgId: actor.orgId, day: input.day });
      for (const id of traineeIds) {
        const trainee = candidates.get(id);
        // Unknown, another organisation's, class B, or not in the drills stage that day: all the same refusal.
        if (!trainee || !isDrillDayFor(computeTraineePlan(tx, ctx, trainee, today), input.day)) {
          throw new AppError('drill_trainee_not_eligible');
        }
        if (grouped.has(id)) throw new AppError('drill_trainee_already_grouped');
      }
      const groupId = insertDrillGroup(tx, {
        orgId: actor.orgId,
        day: input.day,
        name: input.name,
        scenarioId: input.scenarioId,
        createdBy: actor.userId,
        traineeIds,
      });
      return { groupId, duplicate: false };
    },
    { behavior: 'immediate' },
  );
}

export function removeDrillGroup(input: z.output<typeof deleteDrillGroupSchema>, { actor, db }: ActionContext) {
  assertCanInOrg(actor, 'drill.manage');
  return db.transaction(
    (tx) => {
      const group = getDrillGroup(tx, { orgId: actor.orgId, groupId: input.groupId });
      if (!group) return { deleted: false };
      const today = todayFor(loadProgramContext(tx, actor.orgId));
      // A past drill is history, and a group with scripts holds the trainees' work.
      if (group.day < today) throw new AppError('drill_day_past');
      if (group.scriptsSubmitted > 0) throw new AppError('drill_group_has_scripts');
      deleteDrillGroup(tx, { orgId: actor.orgId, groupId: group.id });
      return { deleted: true };
    },
    { behavior: 'immediate' },
  );
}
