import { describe, expect, it } from 'vitest';
import { createFloorFixture } from '@/lib/test/floor-fixture';
import { getTraineeDay } from './shadowing';
import {
  commentDrillScript,
  findTraineeDrillGroup,
  getDrillScriptInOrg,
  insertDrillGroup,
  listClassATrainees,
  listDrillScripts,
  listGroupedTraineeIds,
  listTraineeDrillGroupDays,
  listUncommentedDrillScripts,
  saveDrillScript,
} from './drills';

const SCENARIO = 'hold-check-with-colleague';

describe('drill queries', () => {
  it('groups, members and scripts are read per organisation and per trainee', () => {
    const f = createFloorFixture();
    const groupId = insertDrillGroup(f.db, { orgId: f.org.id, day: '2026-11-09', name: 'G', scenarioId: SCENARIO, createdBy: f.lead.userId, traineeIds: [f.drilling.id] });
    expect([...listGroupedTraineeIds(f.db, { orgId: f.org.id, day: '2026-11-09' })]).toEqual([f.drilling.id]);
    expect([...listGroupedTraineeIds(f.db, { orgId: f.outsider.orgId, day: '2026-11-09' })]).toEqual([]);
    expect(findTraineeDrillGroup(f.db, { traineeId: f.drilling.id, day: '2026-11-09' })).toMatchObject({ id: groupId, members: [{ traineeId: f.drilling.id }] });
    expect(findTraineeDrillGroup(f.db, { traineeId: f.drilling.id, day: '2026-11-10' })).toBeNull();
    expect([...listTraineeDrillGroupDays(f.db, { traineeId: f.drilling.id })]).toEqual(['2026-11-09']);

    const scriptId = saveDrillScript(f.db, { traineeId: f.drilling.id, day: '2026-11-09', groupId, scenarioId: SCENARIO, script: 'v1' });
    expect(saveDrillScript(f.db, { traineeId: f.drilling.id, day: '2026-11-09', groupId, scenarioId: SCENARIO, script: 'v2' })).toBe(scriptId);
    expect(getTraineeDay(f.db, { traineeId: f.drilling.id, day: '2026-11-09' })?.drillScriptSubmitted).toBe(true);
    expect(listUncommentedDrillScripts(f.db, { traineeIds: [f.drilling.id] })).toEqual([{ id: scriptId, traineeId: f.drilling.id, day: '2026-11-09' }]);
    commentDrillScript(f.db, { scriptId, comment: 'ok', mentorId: f.mentor1.userId, atMs: 1 });
    expect(listUncommentedDrillScripts(f.db, { traineeIds: [f.drilling.id] })).toEqual([]);
    expect(listDrillScripts(f.db, { traineeId: f.drilling.id })[0]).toMatchObject({ script: 'v2', mentorComment: 'ok', commentedByName: 'mentor1', groupName: 'G' });
    expect(getDrillScriptInOrg(f.db, { orgId: f.outsider.orgId, scriptId })).toBeNull();
  });

  it('only class A trainees of the organisation are drill candidates', () => {
    const f = createFloorFixture();
    const ids = listClassATrainees(f.db, { orgId: f.org.id }).map((t) => t.id);
    expect(ids.sort()).toEqual([f.shadowing.id, f.drilling.id].sort());
  });
});
