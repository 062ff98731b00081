import { describe, expect, it } from 'vitest';
import { findTraineeDrillGroup, listDrillGroupsForDay } from '@/db/queries/drills';
import { getTraineeDay } from '@/db/queries/shadowing';
import { drillScripts, traineeDays } from '@/db/schema';
import { createFloorFixture } from '@/lib/test/floor-fixture';
import { seedFloorShadowing } from './floor-shadowing';

describe('seedFloorShadowing', () => {
  it("puts the history's drill scripts in the day's group, once, and leaves today alone", () => {
    const f = createFloorFixture();
    const script = (traineeId: number, day: string) =>
      f.db.insert(drillScripts).values({ traineeId, day, scenarioId: 'consultation-payment-channels', script: '话述' }).run();
    script(f.drilling.id, '2026-11-09');
    script(f.shadowing.id, '2026-11-09');
    script(f.drilling.id, '2026-11-10');
    script(f.drilling.id, '2026-11-11');
    const ctx = {
      orgId: f.org.id,
      today: '2026-11-11',
      userIds: new Map([['lead', f.lead.userId]]),
      traineeIds: new Map<string, number>(),
    };
    f.db.transaction((tx) => seedFloorShadowing({ ...ctx, tx }));
    // a second run finds nothing left to group
    f.db.transaction((tx) => seedFloorShadowing({ ...ctx, tx }));

    const first = listDrillGroupsForDay(f.db, { orgId: f.org.id, day: '2026-11-09' });
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ name: '第1组', scenarioId: 'consultation-payment-channels', scriptsSubmitted: 2 });
    expect(first[0]!.members.map((m) => m.traineeId).sort()).toEqual([f.shadowing.id, f.drilling.id].sort());
    expect(findTraineeDrillGroup(f.db, { traineeId: f.drilling.id, day: '2026-11-10' })?.scriptsSubmitted).toBe(1);
    expect(listDrillGroupsForDay(f.db, { orgId: f.org.id, day: '2026-11-11' })).toEqual([]);
  });

  it('confirms past recordings days that met the quota, up to the previous working day', () => {
    const f = createFloorFixture();
    const t = f.shadowing.id;
    f.db.insert(traineeDays)
      .values([
        { traineeId: t, day: '2026-11-09', recordingsLogged: 10 },
        { traineeId: t, day: '2026-11-10', recordingsLogged: 4 },
        { traineeId: t, day: '2026-11-11', recordingsLogged: 10 },
      ])
      .run();
    f.db.transaction((tx) =>
      seedFloorShadowing({ tx, orgId: f.org.id, today: '2026-11-12', userIds: new Map(), traineeIds: new Map([['shadow-a', t]]) }),
    );
    const confirmedBy = (day: string) => getTraineeDay(f.db, { traineeId: t, day })?.confirmedBy ?? null;
    expect(confirmedBy('2026-11-09')).toBe(f.mentor1.userId);
    // a missed day stays for the mentor to look at, and so does the previous working day
    expect(confirmedBy('2026-11-10')).toBeNull();
    expect(confirmedBy('2026-11-11')).toBeNull();
  });
});
