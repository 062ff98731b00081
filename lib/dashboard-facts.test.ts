// The dashboard facts stored beside each cached status (trainees.dashboard_facts) are a summary of
// what the engine says: these tests prove they equal a recomputation after the app's own writes, that
// a new day refreshes them, and that the dashboard built from them equals the one built by running
// the engine for every trainee.
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { logRecording } from '@/app/(app)/shadowing/handlers';
import { countPendingMentorReviews, listDashboardTrainees } from '@/db/queries/dashboard';
import { listTraineeStatusCache } from '@/db/queries/program';
import { organisations, trainees } from '@/db/schema';
import { seedDemoData } from '@/db/seed';
import type { Db } from '@/db/client';
import { buildDashboard, type DashboardTrainee } from '@/domain/dashboard';
import { createTestDb } from '@/lib/test/db';
import { context, createFloorFixture, key, setToday } from '@/lib/test/floor-fixture';
import { loadLeadDashboard } from './dashboard';
import {
  computeTraineeDashboardFacts,
  computeTraineePlan,
  listTraineeEvents,
  loadProgramContext,
  rebuildAllStatuses,
  refreshStaleStatuses,
} from './program';

afterEach(() => {
  vi.useRealTimers();
});

function storedFacts(db: Db, traineeId: number): unknown {
  return db.select({ facts: trainees.dashboardFacts }).from(trainees).where(eq(trainees.id, traineeId)).get()?.facts;
}

function expectFactsEqualRecomputation(db: Db, orgId: number, today: string, only?: number): void {
  const ctx = loadProgramContext(db, orgId);
  for (const row of listTraineeStatusCache(db, { orgId }).filter((r) => only === undefined || r.id === only)) {
    expect({ id: row.id, facts: storedFacts(db, row.id) }).toEqual({ id: row.id, facts: computeTraineeDashboardFacts(db, ctx, row, today) });
  }
}

describe('the stored dashboard facts', () => {
  it('equal a recomputation for every demo trainee, and the rebuild command restores them', async () => {
    const db = createTestDb();
    const today = '2026-11-25';
    await seedDemoData(db, today);
    const orgId = db.select().from(organisations).get()!.id;
    expectFactsEqualRecomputation(db, orgId, today);
    db.update(trainees).set({ dashboardFacts: { version: 1, today, stage: 'certified' } }).run();
    rebuildAllStatuses(db, loadProgramContext(db, orgId), today);
    expectFactsEqualRecomputation(db, orgId, today);
  });

  it('follow a write, and a new day without any write', () => {
    const f = createFloorFixture();
    setToday('2026-11-10');
    logRecording(
      { day: '2026-11-10', recordingRef: 'R1', agentName: '王芳', callType: 'consultation', wentWell: '语速适中', toLearn: '结束语', requestKey: key(1) },
      context(f.db, f.shadowing.actor),
    );
    expect(storedFacts(f.db, f.shadowing.id)).toMatchObject({ today: '2026-11-10', stage: 'shadowing' });
    expectFactsEqualRecomputation(f.db, f.org.id, '2026-11-10', f.shadowing.id);
    // Two days later nothing was written; the dashboard's read brings every trainee's facts up to date.
    setToday('2026-11-12');
    loadLeadDashboard(f.db, f.org.id, {});
    expect(storedFacts(f.db, f.shadowing.id)).toMatchObject({ today: '2026-11-12' });
    expectFactsEqualRecomputation(f.db, f.org.id, '2026-11-12');
    expect(refreshStaleStatuses(f.db, loadProgramContext(f.db, f.org.id), '2026-11-12')).toBe(0);
  });
});

describe('the dashboard from stored facts', () => {
  it('equals the dashboard computed by running the engine for every trainee', async () => {
    const db = createTestDb();
    const today = '2026-11-25';
    await seedDemoData(db, today);
    const orgId = db.select().from(organisations).get()!.id;
    const ctx = loadProgramContext(db, orgId);
    const fromFacts = loadLeadDashboard(db, orgId, {}, Date.parse(`${today}T04:00:00Z`)).dashboard;
    const rows = listDashboardTrainees(db, { orgId });
    // Pending reviews counted from the samples and reviews themselves, as the dashboard first did.
    const pending = countPendingMentorReviews(db, { orgId, traineeIds: rows.map((r) => r.id), upTo: today });
    const viaEngine: DashboardTrainee[] = rows.map((row) => ({
      ...row,
      plan: computeTraineePlan(db, ctx, row, today),
      events: listTraineeEvents(db, row.id),
      pendingReviews: pending.get(row.id) ?? 0,
    }));
    const engine = buildDashboard({ trainees: viaEngine, calendar: ctx.calendar, today });
    expect(fromFacts).toEqual(engine);
    expect(fromFacts.total).toBeGreaterThan(10);
    expect(fromFacts.behind.length + fromFacts.failures.length).toBeGreaterThan(0);
  });
});
