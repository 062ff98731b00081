import { afterEach, describe, expect, it, vi } from 'vitest';
import { listDrillGroupsForDay, saveDrillScript } from '@/db/queries/drills';
import { getTraineeDay } from '@/db/queries/shadowing';
import { drillGroups, drillScripts } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { computeTraineePlan, loadProgramContext } from '@/lib/program';
import { context, createFloorFixture, setToday } from '@/lib/test/floor-fixture';
import { submitDrillScript } from '../../drills/handlers';
import { commentOnDrillScript } from '../../trainees/[id]/shadowing/handlers';
import { createDrillGroup, removeDrillGroup } from './handlers';
import { createDrillGroupSchema } from './schema';

afterEach(() => {
  vi.useRealTimers();
});

const SCENARIO = 'hold-check-with-colleague';

function expectRefusal(fn: () => unknown, code: string) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    return;
  }
  throw new Error(`expected the refusal ${code}`);
}

describe('createDrillGroup', () => {
  it('a lead groups class-A trainees in their drills stage; the same form twice records once', () => {
    const f = createFloorFixture();
    setToday('2026-11-09');
    const input = { day: '2026-11-09', name: '第一组', scenarioId: SCENARIO, traineeIds: [f.drilling.id] };
    const first = createDrillGroup(input, context(f.db, f.lead));
    const second = createDrillGroup(input, context(f.db, f.lead));
    expect(second).toEqual({ groupId: first.groupId, duplicate: true });
    const groups = listDrillGroupsForDay(f.db, { orgId: f.org.id, day: '2026-11-09' });
    expect(groups).toHaveLength(1);
    expect(groups[0]!.members.map((m) => m.traineeId)).toEqual([f.drilling.id]);
  });

  it('a group can be formed ahead for a later drills day', () => {
    const f = createFloorFixture();
    setToday('2026-11-09');
    createDrillGroup({ day: '2026-11-11', name: 'G', scenarioId: SCENARIO, traineeIds: [f.drilling.id] }, context(f.db, f.lead));
    expect(listDrillGroupsForDay(f.db, { orgId: f.org.id, day: '2026-11-11' })).toHaveLength(1);
  });

  it('refuses trainees who do not drill that day, a second group, past days, weekends and unknown scenarios', () => {
    const f = createFloorFixture();
    setToday('2026-11-09');
    const lead = context(f.db, f.lead);
    const base = { day: '2026-11-09', name: 'G', scenarioId: SCENARIO };
    // class B has no drills; an A trainee in shadowing isn't drilling yet; another organisation's trainee is unknown
    for (const trainee of [f.classB, f.shadowing, f.outsider]) {
      expectRefusal(() => createDrillGroup({ ...base, traineeIds: [trainee.id] }, lead), 'drill_trainee_not_eligible');
    }
    createDrillGroup({ ...base, traineeIds: [f.drilling.id] }, lead);
    expectRefusal(() => createDrillGroup({ ...base, name: 'G2', traineeIds: [f.drilling.id] }, lead), 'drill_trainee_already_grouped');
    expectRefusal(() => createDrillGroup({ ...base, scenarioId: 'collection-unused-line', traineeIds: [f.drilling.id] }, lead), 'drill_group_name_taken');
    expectRefusal(() => createDrillGroup({ ...base, day: '2026-11-06', name: 'P', traineeIds: [f.drilling.id] }, lead), 'drill_day_past');
    expectRefusal(() => createDrillGroup({ ...base, day: '2026-11-14', name: 'W', traineeIds: [f.drilling.id] }, lead), 'day_not_working');
    expectRefusal(() => createDrillGroup({ ...base, name: 'X', scenarioId: 'no-such-drill', traineeIds: [f.drilling.id] }, lead), 'drill_scenario_unknown');
    expect(f.db.select().from(drillGroups).all()).toHaveLength(1);
  });

  it('only a lead forms groups', () => {
    const f = createFloorFixture();
    setToday('2026-11-09');
    const input = { day: '2026-11-09', name: 'G', scenarioId: SCENARIO, traineeIds: [f.drilling.id] };
    for (const actor of [f.mentor1, f.drilling.actor]) expectRefusal(() => createDrillGroup(input, context(f.db, actor)), 'not_found');
  });

  it('missing fields are refused with messages', () => {
    const result = createDrillGroupSchema.safeParse({ day: '', name: ' ', scenarioId: '', traineeIds: [] });
    const byField = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(byField).toMatchObject({
      day: 'validation.invalid_date',
      name: 'validation.required',
      scenarioId: 'validation.required',
      traineeIds: 'floor.validation.pickTrainee',
    });
  });

  it("a group with a script can't be deleted; an empty one can", () => {
    const f = createFloorFixture();
    setToday('2026-11-09');
    const lead = context(f.db, f.lead);
    const { groupId } = createDrillGroup({ day: '2026-11-09', name: 'G', scenarioId: SCENARIO, traineeIds: [f.drilling.id] }, lead);
    saveDrillScript(f.db, { traineeId: f.drilling.id, day: '2026-11-09', groupId, scenarioId: SCENARIO, script: '话述' });
    expectRefusal(() => removeDrillGroup({ groupId }, lead), 'drill_group_has_scripts');
    const empty = createDrillGroup({ day: '2026-11-10', name: 'H', scenarioId: SCENARIO, traineeIds: [f.drilling.id] }, lead);
    expect(removeDrillGroup({ groupId: empty.groupId }, lead)).toEqual({ deleted: true });
    expect(f.db.select().from(drillGroups).all()).toHaveLength(1);
  });
});

describe('submitDrillScript', () => {
  it("stores the day's script, marks the day submitted and meets the drills day; a resubmission replaces it", () => {
    const f = createFloorFixture();
    setToday('2026-11-09');
    createDrillGroup({ day: '2026-11-09', name: 'G', scenarioId: SCENARIO, traineeIds: [f.drilling.id] }, context(f.db, f.lead));
    const trainee = context(f.db, f.drilling.actor);
    submitDrillScript({ day: '2026-11-09', script: '第一稿' }, trainee);
    submitDrillScript({ day: '2026-11-09', script: '第二稿' }, trainee);
    const rows = f.db.select().from(drillScripts).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ script: '第二稿', scenarioId: SCENARIO });
    expect(getTraineeDay(f.db, { traineeId: f.drilling.id, day: '2026-11-09' })?.drillScriptSubmitted).toBe(true);
    const plan = computeTraineePlan(f.db, loadProgramContext(f.db, f.org.id), f.drilling, '2026-11-09');
    expect(plan.todayEvaluation?.status).toBe('met');
  });

  it('refuses a trainee without a group that day, a commented script and another trainee', () => {
    const f = createFloorFixture();
    setToday('2026-11-09');
    const trainee = context(f.db, f.drilling.actor);
    expectRefusal(() => submitDrillScript({ day: '2026-11-09', script: '话述' }, trainee), 'not_in_drill_group');
    const { groupId } = createDrillGroup({ day: '2026-11-09', name: 'G', scenarioId: SCENARIO, traineeIds: [f.drilling.id] }, context(f.db, f.lead));
    const { scriptId } = submitDrillScript({ day: '2026-11-09', script: '话述' }, trainee);
    commentOnDrillScript({ scriptId, comment: '好' }, context(f.db, f.mentor1));
    expectRefusal(() => submitDrillScript({ day: '2026-11-09', script: '改' }, trainee), 'drill_script_commented');
    // The shadowing trainee is not a member of the group: their own (empty) day is what they'd write to.
    expectRefusal(() => submitDrillScript({ day: '2026-11-09', script: '话述' }, context(f.db, f.shadowing.actor)), 'not_in_drill_group');
    expectRefusal(() => submitDrillScript({ day: '2026-11-09', script: '话述' }, context(f.db, f.mentor1)), 'not_found');
    expect(groupId).toBeGreaterThan(0);
    expect(f.db.select().from(drillScripts).all()).toHaveLength(1);
  });

  it('the previous drills day stays open until the mentor comments; older days are closed', () => {
    const f = createFloorFixture();
    setToday('2026-11-09');
    createDrillGroup({ day: '2026-11-09', name: 'G', scenarioId: SCENARIO, traineeIds: [f.drilling.id] }, context(f.db, f.lead));
    const trainee = context(f.db, f.drilling.actor);
    setToday('2026-11-10');
    submitDrillScript({ day: '2026-11-09', script: '补交' }, trainee);
    setToday('2026-11-11');
    expectRefusal(() => submitDrillScript({ day: '2026-11-09', script: '再改' }, trainee), 'day_outside_window');
  });
});
