import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getTrainee } from '@/db/queries/trainees';
import { users } from '@/db/schema';
import { createFloorFixture } from '@/lib/test/floor-fixture';
import {
  buildDashboardPageTables,
  buildDashboardTable,
  buildDashboardTables,
  dashboardPageHref,
  filtersToQuery,
  loadLeadDashboard,
  loadLeadDashboardPage,
  parseDashboardFilters,
  parseDashboardPages,
  readNameSearch,
} from './dashboard';
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

describe('readNameSearch', () => {
  it('trims, takes runs of spaces (the full-width one too) as one, and keeps the first of repeated values', () => {
    expect(readNameSearch({ q: '  孙丽 ' })).toEqual({ q: '孙丽', problem: null, typed: '孙丽' });
    expect(readNameSearch(new URLSearchParams('q=Anna%20%20%E3%80%80Li&format=csv'))).toEqual({ q: 'Anna Li', problem: null, typed: 'Anna Li' });
    expect(readNameSearch({ q: ['王', '李'] }).q).toBe('王');
    expect(readNameSearch({ q: '   ' })).toEqual({ q: undefined, problem: null, typed: '' });
    expect(readNameSearch({})).toEqual({ q: undefined, problem: null, typed: '' });
  });

  it('takes 40 characters (a Chinese character or an emoji is one) and refuses more, saying why', () => {
    expect(readNameSearch({ q: '李'.repeat(40) }).q).toBe('李'.repeat(40));
    expect(readNameSearch({ q: '😀'.repeat(40) }).q).toBe('😀'.repeat(40));
    const long = readNameSearch({ q: 'x'.repeat(41) });
    expect(long).toMatchObject({ q: undefined, problem: 'too_long' });
    // What the field shows back is bounded, whatever was sent.
    expect(readNameSearch({ q: 'y'.repeat(100_000) }).typed).toHaveLength(80);
  });

  it('refuses control characters and lone surrogates, and never echoes them', () => {
    expect(readNameSearch({ q: '孙\u0000丽' })).toEqual({ q: undefined, problem: 'invalid', typed: '孙丽' });
    expect(readNameSearch({ q: 'a\u0007' })).toMatchObject({ q: undefined, problem: 'invalid' });
    expect(readNameSearch({ q: 'li\ud800' })).toEqual({ q: undefined, problem: 'invalid', typed: 'li' });
    // Tabs and line breaks are spaces, not errors.
    expect(readNameSearch({ q: '孙\t丽\n' }).q).toBe('孙 丽');
  });

  it('is a filter only when usable, and goes back into the query (export and page links) as typed', () => {
    expect(parseDashboardFilters({ q: ' 孙丽 ', class: 'A' })).toEqual({ q: '孙丽', traineeClass: 'A' });
    expect(parseDashboardFilters({ q: 'x'.repeat(41), cohort: '2026-11' })).toEqual({ cohort: '2026-11' });
    expect(parseDashboardFilters({ q: 'a\u0000' })).toEqual({});
    const filters = { cohort: '2026-11', q: '50%_李 &=?#' };
    expect(parseDashboardFilters(new URLSearchParams(filtersToQuery(filters)))).toEqual(filters);
    const href = dashboardPageHref(filters, { behind: 2 }, 'trainees', 3);
    const query = new URL(href, 'http://x').searchParams;
    expect(parseDashboardFilters(query)).toEqual(filters);
    expect(parseDashboardPages(query)).toEqual({ behind: 2, trainees: 3 });
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

  it('filters by class and mentor, stays inside the organisation, and offers every mentor and cohort as a filter', () => {
    const f = createFloorFixture();
    const byClass = loadLeadDashboard(f.db, f.org.id, { traineeClass: 'B' }, NOW);
    expect(byClass.dashboard.roster.map((r) => r.traineeId)).toEqual([f.classB.id]);
    expect(byClass.dashboard.roster[0]?.stage).toBe('solo');
    const byMentor = loadLeadDashboard(f.db, f.org.id, { mentorId: f.mentor1.userId }, NOW);
    expect(byMentor.dashboard.roster.map((r) => r.traineeId).sort()).toEqual([f.shadowing.id, f.drilling.id].sort());
    expect(byMentor.dashboard.mentors.map((m) => m.mentorId)).toEqual([f.mentor1.userId]);
    const all = loadLeadDashboard(f.db, f.org.id, {}, NOW);
    expect(all.dashboard.roster.map((r) => r.traineeId)).not.toContain(f.outsider.id);
    const whole = loadLeadDashboardPage(f.db, f.org.id, {}, {}, NOW);
    expect(whole.mentors.map((m) => m.id).sort()).toEqual([f.mentor1.userId, f.mentor2.userId].sort());
    expect(whole.cohorts).toEqual(['c1']);
    // Mentor load, and the mentor filter's choices, are the mentors of the class's trainees.
    const page = loadLeadDashboardPage(f.db, f.org.id, { traineeClass: 'B' }, {}, NOW);
    const classBMentors = new Set(byClass.dashboard.roster.map((r) => r.mentorName));
    expect(classBMentors.size).toBe(1);
    expect(new Set(page.view.mentors.rows.map((m) => m.mentorName))).toEqual(classBMentors);
    expect(new Set(page.mentors.map((m) => m.displayName))).toEqual(classBMentors);
    expect(byMentor.dashboard.mentors.map((m) => m.mentorId)).toEqual([f.mentor1.userId]);
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

describe('the name search on the dashboard', () => {
  it('narrows the lists of trainees to a part of a name or username, and leaves the figures about everyone', () => {
    const f = createFloorFixture();
    f.db.update(users).set({ displayName: '孙丽 Sun' }).where(eq(users.id, f.classB.userId)).run();
    const all = loadLeadDashboard(f.db, f.org.id, {}, NOW).dashboard;
    expect(all.roster.length).toBeGreaterThanOrEqual(3);

    const byName = loadLeadDashboard(f.db, f.org.id, { q: 'sUN' }, NOW).dashboard;
    expect(byName.roster.map((r) => r.traineeId)).toEqual([f.classB.id]);
    expect(byName.roster[0]?.displayName).toBe('孙丽 Sun');
    expect(byName.behind.every((r) => r.traineeId === f.classB.id)).toBe(true);
    expect(byName.failures.every((r) => r.traineeId === f.classB.id)).toBe(true);
    // The figures describe the filtered group, whatever the search.
    expect({ ...byName, roster: [], behind: [], failures: [] }).toEqual({ ...all, roster: [], behind: [], failures: [] });

    // The username too ('drill-a'); the shadowing trainee's username is 'shadow-a'.
    expect(loadLeadDashboard(f.db, f.org.id, { q: 'DRILL' }, NOW).dashboard.roster.map((r) => r.traineeId)).toEqual([f.drilling.id]);
    expect(loadLeadDashboard(f.db, f.org.id, { q: '孙丽' }, NOW).dashboard.roster.map((r) => r.traineeId)).toEqual([f.classB.id]);
    // With the other filters, inside the organisation, wildcards taken literally.
    expect(loadLeadDashboard(f.db, f.org.id, { q: 'sun', traineeClass: 'A' }, NOW).dashboard.roster).toEqual([]);
    expect(loadLeadDashboard(f.db, f.org.id, { q: 'outsider' }, NOW).dashboard.roster).toEqual([]);
    expect(loadLeadDashboard(f.db, f.org.id, { q: '%' }, NOW).dashboard.roster).toEqual([]);
    expect(loadLeadDashboard(f.db, f.org.id, { q: '_' }, NOW).dashboard.roster).toEqual([]);
  });

  it('shows the rows the export has, and says nothing matches with an empty list', () => {
    const f = createFloorFixture();
    for (const q of ['-a', 'class', 'nobody']) {
      const filters = parseDashboardFilters({ q });
      const exported = loadLeadDashboard(f.db, f.org.id, filters, NOW).dashboard;
      const { view } = loadLeadDashboardPage(f.db, f.org.id, filters, {}, NOW);
      const screen = buildDashboardPageTables(view, { t: echo, tt: echo });
      for (const id of ['trainees', 'behind', 'failures', 'mentors', 'pass-rates', 'certification', 'stages'] as const) {
        expect(screen[id].rows, `${q} ${id}`).toEqual(buildDashboardTable(exported, id, { t: echo, tt: echo }).rows);
      }
      expect(view.roster.total, q).toBe(q === '-a' ? 2 : q === 'class' ? 1 : 0);
      expect(view.total, q).toBe(3);
    }
  });
});

describe('one page of each table', () => {
  it('reads each table’s page from its own parameter, and drops what isn’t a page', () => {
    expect(parseDashboardPages({ 'trainees-page': '3', 'behind-page': ['2', '5'], 'failures-page': '1', 'mentors-page': 'x', 'pass-rates-page': '-2' })).toEqual({
      trainees: 3,
      behind: 2,
    });
    expect(parseDashboardPages(new URLSearchParams('pass-rates-page=4&stages-page=2&page=7'))).toEqual({ 'pass-rates': 4 });
  });

  it('links a page with the filters and the other tables’ pages kept, landing on the table', () => {
    const filters = { cohort: '2026-11', stage: 'solo' as const };
    expect(dashboardPageHref(filters, { trainees: 3, behind: 2 }, 'behind', 4)).toBe(
      '/lead?cohort=2026-11&stage=solo&trainees-page=3&behind-page=4#table-behind',
    );
    expect(dashboardPageHref({}, { trainees: 3 }, 'trainees', 1)).toBe('/lead#table-trainees');
    const href = dashboardPageHref(filters, { mentors: 2 }, 'failures', 2);
    const query = new URL(href, 'http://x').searchParams;
    expect(parseDashboardFilters(query)).toEqual(filters);
    expect(parseDashboardPages(query)).toEqual({ mentors: 2, failures: 2 });
  });

  it('shows on each page exactly the rows the export has at that position, and the whole count', () => {
    const f = createFloorFixture();
    const full = loadLeadDashboard(f.db, f.org.id, {}, NOW).dashboard;
    const exported = buildDashboardTable(full, 'trainees', { t: echo, tt: echo });
    expect(exported.rows.length).toBeGreaterThanOrEqual(3);
    const pageSize = 2;
    const pageCount = Math.ceil(exported.rows.length / pageSize);
    const shown: unknown[] = [];
    for (let page = 1; page <= pageCount; page++) {
      const { view } = loadLeadDashboardPage(f.db, f.org.id, {}, { trainees: page }, NOW, pageSize);
      const table = buildDashboardPageTables(view, { t: echo, tt: echo }).trainees;
      expect(table.columns).toEqual(exported.columns);
      expect(table.rows).toEqual(exported.rows.slice((page - 1) * pageSize, page * pageSize));
      expect(table.page).toEqual({ total: exported.rows.length, page, pageCount, first: (page - 1) * pageSize + 1 });
      shown.push(...table.rows);
    }
    expect(shown).toEqual(exported.rows);
    // Every other table: page 1 is the file's first rows.
    const { view } = loadLeadDashboardPage(f.db, f.org.id, {}, {}, NOW, pageSize);
    const tables = buildDashboardPageTables(view, { t: echo, tt: echo });
    for (const id of ['behind', 'failures', 'pass-rates', 'mentors', 'certification', 'stages'] as const) {
      const file = buildDashboardTable(full, id, { t: echo, tt: echo });
      const onScreen = tables[id];
      expect(onScreen.rows, id).toEqual('page' in onScreen ? file.rows.slice(0, pageSize) : file.rows);
      if ('page' in onScreen) expect(onScreen.page.total, id).toBe(file.rows.length);
    }
  });
});
