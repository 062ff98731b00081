import { describe, expect, it } from 'vitest';
import { getTrainee } from '@/db/queries/trainees';
import { createFloorFixture } from '@/lib/test/floor-fixture';
import { buildDashboardTables, filtersToQuery, loadLeadDashboard, parseDashboardFilters } from './dashboard';
import { computeTraineePlan, loadProgramContext } from './program';

// Noon in Shanghai on Fri 2026-11-20.
const NOW = Date.parse('2026-11-20T04:00:00Z');
const echo = (key: string, values?: Record<string, string | number>) => (values ? `${key}${JSON.stringify(values)}` : key);

describe('parseDashboardFilters', () => {
  it('reads the page’s search params and a route’s URLSearchParams alike', () => {
    const expected = { cohort: '2026-11', traineeClass: 'A', mentorId: 7, stage: 'supervised' };
    expect(parseDashboardFilters({ cohort: '2026-11', class: 'A', mentor: '7', stage: 'supervised' })).toEqual(expected);
    expect(parseDashboardFilters(new URLSearchParams('cohort=2026-11&class=A&mentor=7&stage=supervised&format=csv'))).toEqual(expected);
    expect(parseDashboardFilters({ cohort: ['2026-11', '2026-10'] })).toEqual({ cohort: '2026-11' });
  });

  it('drops what doesn’t parse instead of failing: that filter shows everything', () => {
    expect(parseDashboardFilters({ cohort: '', class: 'C', mentor: '-3', stage: 'nowhere' })).toEqual({});
    expect(parseDashboardFilters({ mentor: '1.5', class: 'a' })).toEqual({});
    expect(parseDashboardFilters({ cohort: 'x'.repeat(41) })).toEqual({});
  });

  it('writes the filters back as the query the export links carry', () => {
    const filters = { cohort: '2026-11', traineeClass: 'B' as const, mentorId: 3, stage: 'solo' as const };
    expect(filtersToQuery(filters)).toBe('cohort=2026-11&class=B&mentor=3&stage=solo');
    expect(parseDashboardFilters(new URLSearchParams(filtersToQuery(filters)))).toEqual(filters);
    expect(filtersToQuery({})).toBe('');
  });
});

describe('loadLeadDashboard', () => {
  it('filters by the engine’s stage even when the cached stage is stale, and shows the engine’s status', () => {
    const f = createFloorFixture();
    // The fixture refreshed the cache on the day the classroom ended; by 11-20 both A trainees are on supervised calls.
    expect(getTrainee(f.db, { orgId: f.org.id, traineeId: f.shadowing.id })?.currentStage).toBe('classroom');
    const { dashboard, today } = loadLeadDashboard(f.db, f.org.id, { stage: 'supervised' }, NOW);
    expect(today).toBe('2026-11-20');
    expect(dashboard.roster.map((r) => r.traineeId).sort()).toEqual([f.shadowing.id, f.drilling.id].sort());
    const ctx = loadProgramContext(f.db, f.org.id);
    for (const row of dashboard.roster) {
      const record = getTrainee(f.db, { orgId: f.org.id, traineeId: row.traineeId })!;
      expect(row.status).toBe(computeTraineePlan(f.db, ctx, record, today).status);
      expect(row.stage).toBe('supervised');
    }
    // Nothing was logged on the floor: both are behind, and every figure is about the two of them.
    expect(dashboard.total).toBe(2);
    expect(dashboard.stages.find((s) => s.stage === 'supervised')?.count).toBe(2);
    expect(new Set(dashboard.behind.map((b) => b.traineeId))).toEqual(new Set([f.shadowing.id, f.drilling.id]));
  });

  it('filters by class and mentor, stays inside the organisation, and lists every mentor', () => {
    const f = createFloorFixture();
    const byClass = loadLeadDashboard(f.db, f.org.id, { traineeClass: 'B' }, NOW);
    expect(byClass.dashboard.roster.map((r) => r.traineeId)).toEqual([f.classB.id]);
    expect(byClass.dashboard.roster[0]?.stage).toBe('solo');
    const byMentor = loadLeadDashboard(f.db, f.org.id, { mentorId: f.mentor1.userId }, NOW);
    expect(byMentor.dashboard.roster.map((r) => r.traineeId).sort()).toEqual([f.shadowing.id, f.drilling.id].sort());
    expect(byMentor.dashboard.mentors.map((m) => m.mentorId)).toEqual([f.mentor1.userId]);
    const all = loadLeadDashboard(f.db, f.org.id, {}, NOW);
    expect(all.dashboard.roster.map((r) => r.traineeId)).not.toContain(f.outsider.id);
    expect(all.mentors.map((m) => m.id).sort()).toEqual([f.mentor1.userId, f.mentor2.userId].sort());
    expect(all.cohorts).toEqual(['c1']);
  });

  it('lays out tables whose rows are the roster’s, cells translated, nulls kept for the files', () => {
    const f = createFloorFixture();
    const { dashboard } = loadLeadDashboard(f.db, f.org.id, {}, NOW);
    const tables = buildDashboardTables(dashboard, { t: echo, tt: echo });
    expect(tables.trainees.rows.map((r) => r.name)).toEqual(dashboard.roster.map((r) => r.displayName));
    expect(tables.trainees.columns.map((c) => c.header)).toEqual(
      ['name', 'class', 'cohort', 'mentor', 'stage', 'status', 'daysLeft', 'certification', 'startDate'].map((k) => `columns.${k}`),
    );
    const b = tables.trainees.rows.find((r) => r.name === 'class-b')!;
    const roster = dashboard.roster.find((r) => r.displayName === 'class-b')!;
    expect(b).toMatchObject({ class: 'B', cohort: 'c1', stage: 'stages.solo', status: `statuses.${roster.status}`, daysLeft: roster.daysRemainingInStage });
    expect(tables.stages.rows).toHaveLength(12);
    expect(tables.behind.meta.every((r) => r.traineeId !== undefined)).toBe(true);
  });
});
