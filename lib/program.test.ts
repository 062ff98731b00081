import { describe, expect, it } from 'vitest';
import { organisations, trainees, users } from '@/db/schema';
import { listTraineeEventRows } from '@/db/queries/program';
import { createTestDb } from './test/db';
import { appendProgramEvents, computeTraineePlan, loadProgramContext } from './program';

function setup() {
  const db = createTestDb();
  const org = db.insert(organisations).values({ name: 'Org' }).returning().get();
  const user = db.insert(users).values({ orgId: org.id, username: 'tr', displayName: 'Tr', passwordHash: 'x' }).returning().get();
  const row = db
    .insert(trainees)
    .values({ orgId: org.id, userId: user.id, traineeClass: 'B', cohort: 'c1', startDate: '2026-09-01' })
    .returning()
    .get();
  const trainee = { id: row.id, orgId: org.id, traineeClass: 'B' as const, startDate: '2026-09-01' };
  const ctx = loadProgramContext(db, org.id);
  return { db, ctx, trainee };
}

describe('appendProgramEvents', () => {
  it('seeds/000 篇二 四(三)(二)2: a failed solo week is stored with its extension in the same call', () => {
    const { db, ctx, trainee } = setup();
    const today = '2026-10-20';
    db.transaction((tx) => {
      appendProgramEvents(tx, { ctx, trainee, drafts: [{ kind: 'enrolled', effectiveDate: '2026-09-01', payload: {} }], actorId: null, today });
      const { events } = appendProgramEvents(tx, {
        ctx,
        trainee,
        drafts: [{ kind: 'solo_failed', effectiveDate: '2026-10-16', payload: {} }],
        actorId: null,
        today,
      });
      expect(events.map((e) => e.kind)).toEqual(['solo_failed', 'extension_scheduled']);
    });
    const plan = computeTraineePlan(db, ctx, trainee, today);
    expect(plan.blocks.some((b) => b.kind === 'extension')).toBe(true);
  });

  it('the same request key records once', () => {
    const { db, ctx, trainee } = setup();
    const draft = { kind: 'absence_excused' as const, effectiveDate: '2026-09-02', payload: { date: '2026-09-02' }, reason: '病假' };
    const first = appendProgramEvents(db, { ctx, trainee, drafts: [draft], actorId: null, today: '2026-09-03', requestKey: 'k'.repeat(20) });
    const second = appendProgramEvents(db, { ctx, trainee, drafts: [draft], actorId: null, today: '2026-09-03', requestKey: 'k'.repeat(20) });
    expect(second.duplicate).toBe(true);
    expect(second.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
    expect(listTraineeEventRows(db, { traineeId: trainee.id })).toHaveLength(1);
  });

  it('an invalid draft writes nothing of its batch', () => {
    const { db, ctx, trainee } = setup();
    expect(() =>
      db.transaction((tx) =>
        appendProgramEvents(tx, {
          ctx,
          trainee,
          drafts: [
            { kind: 'absence_excused', effectiveDate: '2026-09-02', payload: { date: '2026-09-02' } },
            { kind: 'override', effectiveDate: '2026-09-02', payload: { action: 'complete_stage', stage: 'classroom' } },
          ],
          actorId: null,
          today: '2026-09-03',
        }),
      ),
    ).toThrow();
    expect(listTraineeEventRows(db, { traineeId: trainee.id })).toHaveLength(0);
  });
});

describe('the cached status', () => {
  it('equals a recomputation for every demo trainee, and the rebuild command restores it', async () => {
    const { seedDemoData } = await import('@/db/seed');
    const { trainees: traineesTable } = await import('@/db/schema');
    const { listTraineeStatusCache } = await import('@/db/queries/program');
    const { currentStageOf, rebuildAllStatuses } = await import('./program');
    const db = createTestDb();
    const today = '2026-11-25';
    await seedDemoData(db, today);
    const orgId = db.select().from(organisations).get()!.id;
    const ctx = loadProgramContext(db, orgId);
    const check = () => {
      for (const row of listTraineeStatusCache(db, { orgId })) {
        const plan = computeTraineePlan(db, ctx, row, today);
        expect({ id: row.id, status: row.status, stage: row.currentStage }).toEqual({ id: row.id, status: plan.status, stage: currentStageOf(plan) });
      }
    };
    check();
    db.update(traineesTable).set({ status: 'certified', currentStage: 'probation' }).run();
    rebuildAllStatuses(db, ctx, today);
    check();
  });
});
