// Demo floor history, on top of the program history (db/seed/program-history.ts writes each past
// day's recordings, scripts and counters):
//  - the drill groups those past scripts were written in: a group per drill day and scenario, the
//    trainees who drilled that day its members, each script pointing at its group — so the
//    trainee's drills page, the mentor's view and the lead's drill groups page show the same days;
//  - the mentor's confirmations of past recordings days that met the quota (the extension week's
//    too), up to the trainee's previous working day, which is left for the mentor's queue.
// Today is left untouched: the demo (and the e2e journeys) start the day empty. Deterministic.
import { and, asc, eq, isNull, lt } from 'drizzle-orm';
import { listDailyRequirementCodes } from '@/domain/day-status';
import { findPreviousWorkingDay } from '@/domain/floor-days';
import { computeTraineePlan, loadProgramContext } from '@/lib/program';
import { drillGroupMembers, drillScripts, trainees } from '../schema';
import { insertDrillGroup } from '../queries/drills';
import { confirmTraineeDay, getTraineeDay } from '../queries/shadowing';
import type { SeedContext } from './context';

export function seedFloorShadowing(ctx: SeedContext): void {
  const leadId = ctx.userIds.get('lead');
  if (leadId !== undefined) groupPastDrillScripts(ctx, leadId);
  confirmPastRecordingDays(ctx);
}

function confirmPastRecordingDays(ctx: SeedContext): void {
  const { tx, orgId, today } = ctx;
  const programCtx = loadProgramContext(tx, orgId);
  const quota = programCtx.settings.quotas.shadowing.recordingsPerDay;
  for (const traineeId of ctx.traineeIds.values()) {
    const trainee = tx.select().from(trainees).where(eq(trainees.id, traineeId)).get();
    if (!trainee?.mentorId) continue;
    const plan = computeTraineePlan(tx, programCtx, trainee, today);
    const previous = findPreviousWorkingDay(plan);
    for (const block of plan.blocks) {
      if (!listDailyRequirementCodes(block, programCtx.settings).includes('recordings')) continue;
      for (const day of block.workingDays) {
        if (previous === null || day >= previous) continue;
        const row = getTraineeDay(tx, { traineeId, day });
        if (!row || row.confirmedBy !== null || row.recordingsLogged < quota) continue;
        // The mentor confirmed at the end of that day's shift (18:00 in Shanghai).
        confirmTraineeDay(tx, { traineeId, day, mentorId: trainee.mentorId, atMs: Date.parse(`${day}T10:00:00Z`) });
      }
    }
  }
}

function groupPastDrillScripts(ctx: SeedContext, leadId: number): void {
  const { tx, orgId, today } = ctx;
  const orphans = tx
    .select({ id: drillScripts.id, traineeId: drillScripts.traineeId, day: drillScripts.day, scenarioId: drillScripts.scenarioId })
    .from(drillScripts)
    .innerJoin(trainees, eq(trainees.id, drillScripts.traineeId))
    .where(and(eq(trainees.orgId, orgId), isNull(drillScripts.groupId), lt(drillScripts.day, today)))
    .orderBy(asc(drillScripts.day), asc(drillScripts.scenarioId), asc(drillScripts.traineeId))
    .all();

  const groups = new Map<string, number>();
  for (const script of orphans) {
    const key = `${script.day}|${script.scenarioId}`;
    let groupId = groups.get(key);
    if (groupId === undefined) {
      const sameDay = [...groups.keys()].filter((k) => k.startsWith(`${script.day}|`)).length;
      groupId = insertDrillGroup(tx, {
        orgId,
        day: script.day,
        name: `第${sameDay + 1}组`,
        scenarioId: script.scenarioId,
        createdBy: leadId,
        traineeIds: [],
      });
      groups.set(key, groupId);
    }
    tx.insert(drillGroupMembers).values({ groupId, traineeId: script.traineeId }).onConflictDoNothing().run();
    tx.update(drillScripts).set({ groupId }).where(eq(drillScripts.id, script.id)).run();
  }
}
