import { describe, expect, it } from 'vitest';
import { loadHolidayCalendar, toWorkCalendarInput } from '@/lib/content/holidays';
import { loadProgramSettings } from '@/lib/content/program';
import { addWorkingDays, buildWorkCalendar } from './calendar';
import { computeConsequences } from './consequences';
import {
  computeCertificationTimes,
  buildDashboardFromEntries,
  buildDashboardView,
  computeMentorLoad,
  computePassRates,
  countByStage,
  firstAttemptPassed,
  listBehind,
  listFailures,
  listRoster,
  dashboardLists,
  matchNameSearch,
  median,
  pageWindow,
  stageBucketOf,
  stageBuckets,
  summariseDayReviews,
  workingDaysToCertification,
  type DashboardEntry,
  type DashboardTrainee,
  type TraineeDashboardFacts,
} from './dashboard';
import type { IsoDate } from './dates';
import type { DayActivity } from './day-status';
import type { ProgramEvent, ProgramEventDraft } from './events';
import { computePlan, type Plan } from './plan';
import type { TraineeClass } from './program-settings';

const settings = loadProgramSettings();
const calendar = buildWorkCalendar(toWorkCalendarInput(loadHolidayCalendar()));
const TODAY = '2026-11-25';

type Step = 'solo_passed' | 'solo_failed' | 'probation_passed' | 'probation_failed' | 'certified' | 'exit';

/**
 * A trainee's history built the way the app builds it: each result on the day its block is planned
 * to end, with the engine's consequences (extension, retraining) appended after it. Every day met.
 */
function trainee(
  id: number,
  traineeClass: TraineeClass,
  startDate: IsoDate,
  steps: Step[],
  options: { today?: IsoDate; activity?: DayActivity[]; cohort?: string; mentorId?: number | null; pendingReviews?: number; metDays?: boolean } = {},
): DashboardTrainee {
  const today = options.today ?? TODAY;
  const events: ProgramEvent[] = [];
  let nextId = 1;
  const add = (draft: ProgramEventDraft) => {
    const event = { ...draft, id: nextId, createdAt: nextId } as ProgramEvent;
    nextId++;
    const consequences = computeConsequences(event, events, settings);
    events.push(event);
    for (const c of consequences) {
      events.push({ ...c, id: nextId, createdAt: nextId } as ProgramEvent);
      nextId++;
    }
  };
  const plan = (activity: DayActivity[] = []) =>
    computePlan({ trainee: { traineeClass, startDate }, settings, calendar, events, activity, today });
  add({ kind: 'enrolled', effectiveDate: startDate, payload: { traineeClass } });
  const classroom = plan().blocks.find((b) => b.stage === 'classroom')!;
  if (classroom.plannedEnd < today) add({ kind: 'stage_completed', effectiveDate: classroom.plannedEnd, payload: { stage: 'classroom' } });
  for (const step of steps) {
    const open = (stage: 'solo' | 'probation') => plan().blocks.find((b) => b.stage === stage && b.outcome === null && !b.skipped)!;
    switch (step) {
      case 'solo_passed':
      case 'solo_failed':
        add({ kind: step, effectiveDate: open('solo').plannedEnd, payload: { scorePercent: step === 'solo_passed' ? 86 : 71 } });
        break;
      case 'probation_passed':
      case 'probation_failed':
        add({ kind: step, effectiveDate: open('probation').plannedEnd, payload: {} });
        break;
      case 'certified': {
        const passed = plan().blocks.find((b) => b.stage === 'probation' && b.outcome === 'passed')!;
        add({ kind: 'certified', effectiveDate: passed.end, payload: { code: `CODE-${id}` } });
        break;
      }
      case 'exit':
        add({ kind: 'decision_taken', effectiveDate: addWorkingDays(calendar, events.at(-1)!.effectiveDate, 1), payload: { decision: 'exit' }, reason: '面谈后终止' });
        break;
    }
  }
  // Every working day met, unless the test brings its own day facts.
  const activity =
    options.activity ??
    (options.metDays === false
      ? []
      : plan()
          .blocks.flatMap((b) => b.workingDays)
          .filter((d) => d < today)
          .map((date) => ({
            date,
            recordingsLogged: 10,
            liveShadowingAttended: true,
            drillScriptSubmitted: true,
            callsHandled: 10,
            callsSampled: 5,
            callsReviewed: 5,
            callsLiveListened: 10,
          })));
  return {
    id,
    displayName: `学员${id}`,
    traineeClass,
    cohort: options.cohort ?? '2026-09',
    startDate,
    mentorId: options.mentorId === undefined ? 100 : options.mentorId,
    mentorName: options.mentorId === null ? null : `导师${options.mentorId ?? 100}`,
    plan: plan(activity),
    events,
    pendingReviews: options.pendingReviews ?? 0,
  };
}

/** A start date n working days before today. */
function started(n: number): IsoDate {
  return addWorkingDays(calendar, TODAY, -n);
}

describe('stageBucketOf and countByStage', () => {
  const inClassroom = trainee(1, 'A', started(1), []);
  const notStarted = trainee(2, 'A', addWorkingDays(calendar, TODAY, 3), []);
  const extensionStart = trainee(3, 'A', '2026-08-03', ['solo_failed']).plan.blocks.find((b) => b.kind === 'extension')!.start;
  const inExtension = trainee(3, 'A', '2026-08-03', ['solo_failed'], { today: extensionStart });
  const decision = trainee(4, 'B', '2026-08-03', ['solo_failed', 'solo_failed']);
  const certified = trainee(5, 'A', '2026-06-01', ['solo_passed', 'probation_passed', 'certified']);
  const exited = trainee(6, 'B', '2026-08-03', ['solo_failed', 'solo_failed', 'exit']);

  it('names the stage from the engine’s plan, extension and retraining included', () => {
    expect(stageBucketOf(inClassroom.plan)).toBe('classroom');
    expect(stageBucketOf(notStarted.plan)).toBe('not_started');
    expect(stageBucketOf(inExtension.plan)).toBe('extension');
    expect(stageBucketOf(decision.plan)).toBe('needs_decision');
    expect(stageBucketOf(certified.plan)).toBe('certified');
    expect(stageBucketOf(exited.plan)).toBe('exited');
  });

  it('counts every bucket in program order, zeros included', () => {
    const counts = countByStage([inClassroom, notStarted, decision, certified, exited, trainee(7, 'B', started(1), [])]);
    expect(counts.map((c) => c.stage)).toEqual([...stageBuckets]);
    expect(Object.fromEntries(counts.map((c) => [c.stage, c.count]))).toEqual({
      not_started: 1,
      classroom: 2,
      shadowing: 0,
      drills: 0,
      supervised: 0,
      extension: 0,
      retraining: 0,
      solo: 0,
      probation: 0,
      needs_decision: 1,
      certified: 1,
      exited: 1,
    });
    expect(countByStage([]).every((c) => c.count === 0)).toBe(true);
  });
});

describe('listRoster', () => {
  it('orders by cohort, newest first, then by name in pinyin order, with the engine’s status', () => {
    const named = (id: number, name: string, cohort: string) => ({ ...trainee(id, 'A', started(1), [], { cohort }), displayName: name });
    const rows = listRoster([named(1, '周婷', '2026-10'), named(2, '孙丽', '2026-10'), named(3, '赵晓雯', '2026-11'), named(4, '李明', '2026-10')]);
    expect(rows.map((r) => r.displayName)).toEqual(['赵晓雯', '李明', '孙丽', '周婷']);
    expect(rows[0]).toMatchObject({ stage: 'classroom', status: 'on_track', certifiedOn: null });
  });
});

describe('computePassRates', () => {
  it('counts each trainee’s first result at a gate, by class and by cohort', () => {
    const trainees = [
      trainee(1, 'A', '2026-06-01', ['solo_passed', 'probation_passed', 'certified'], { cohort: '2026-06' }),
      // Failed the first solo week, passed the second: not a first-attempt pass.
      trainee(2, 'A', '2026-06-01', ['solo_failed', 'solo_passed'], { cohort: '2026-06' }),
      trainee(3, 'B', '2026-06-01', ['solo_passed', 'probation_failed'], { cohort: '2026-07' }),
      // No result yet at either gate: not counted.
      trainee(4, 'B', started(2), [], { cohort: '2026-11' }),
    ];
    expect(firstAttemptPassed(trainees[1]!.plan, 'solo')).toBe(false);
    expect(firstAttemptPassed(trainees[3]!.plan, 'solo')).toBeNull();
    const rows = computePassRates(trainees).map((r) => [
      r.group.by === 'all' ? 'all' : r.group.by === 'class' ? r.group.traineeClass : r.group.cohort,
      r.gate,
      r.passedFirstTime,
      r.attempted,
      r.rate,
    ]);
    expect(rows).toEqual([
      ['all', 'solo', 2, 3, 2 / 3],
      ['all', 'probation', 1, 2, 0.5],
      ['A', 'solo', 1, 2, 0.5],
      ['A', 'probation', 1, 1, 1],
      ['B', 'solo', 1, 1, 1],
      ['B', 'probation', 0, 1, 0],
      ['2026-06', 'solo', 1, 2, 0.5],
      ['2026-06', 'probation', 1, 1, 1],
      ['2026-07', 'solo', 1, 1, 1],
      ['2026-07', 'probation', 0, 1, 0],
      // 2026-11 has no result at any gate yet and is left out.
    ]);
  });

  it('gives no rate (null, not 0%) when nobody has a result', () => {
    expect(computePassRates([trainee(1, 'A', started(1), [])]).filter((r) => r.group.by !== 'cohort')).toEqual([
      { group: { by: 'all' }, gate: 'solo', attempted: 0, passedFirstTime: 0, rate: null },
      { group: { by: 'all' }, gate: 'probation', attempted: 0, passedFirstTime: 0, rate: null },
      { group: { by: 'class', traineeClass: 'A' }, gate: 'solo', attempted: 0, passedFirstTime: 0, rate: null },
      { group: { by: 'class', traineeClass: 'A' }, gate: 'probation', attempted: 0, passedFirstTime: 0, rate: null },
    ]);
  });
});

describe('median and time to certification', () => {
  it.each([
    [[], null],
    [[7], 7],
    [[1, 3], 2],
    [[5, 1, 3], 3],
    [[40, 10, 30, 20], 25],
  ] as const)('median of %o is %o', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('counts working days from the first day to the certificate, both included', () => {
    // November 2026 has no public holiday: Mon 11-02 … Fri 11-13 is ten working days.
    const plan = { certificate: { date: '2026-11-13', code: 'X', eventId: 1 } } as unknown as Plan;
    expect(workingDaysToCertification({ startDate: '2026-11-02', plan }, calendar)).toBe(10);
    expect(workingDaysToCertification({ startDate: '2026-11-02', plan: { certificate: null } as unknown as Plan }, calendar)).toBeNull();
  });

  it('takes the median per class and overall, counting only the certified', () => {
    const a1 = trainee(1, 'A', '2026-05-04', ['solo_passed', 'probation_passed', 'certified']);
    const a2 = trainee(2, 'A', '2026-05-04', ['solo_failed', 'solo_passed', 'probation_passed', 'certified']);
    const b1 = trainee(3, 'B', '2026-05-04', ['solo_passed', 'probation_passed', 'certified']);
    const open = trainee(4, 'A', started(3), []);
    const days = [a1, a2, b1].map((t) => workingDaysToCertification(t, calendar)!);
    // The failed solo week adds the extension and a second solo week.
    expect(days[1]!).toBeGreaterThan(days[0]! + settings.extension.days);
    const rows = computeCertificationTimes([a1, a2, b1, open], calendar);
    expect(rows).toEqual([
      { group: { by: 'all' }, certified: 3, medianDays: median(days), minDays: Math.min(...days), maxDays: Math.max(...days) },
      { group: { by: 'class', traineeClass: 'A' }, certified: 2, medianDays: (days[0]! + days[1]!) / 2, minDays: days[0], maxDays: days[1] },
      { group: { by: 'class', traineeClass: 'B' }, certified: 1, medianDays: days[2], minDays: days[2], maxDays: days[2] },
    ]);
  });
});

describe('listBehind', () => {
  it('lists decisions, overdue results, missed days, most urgent first, with by how much', () => {
    // Two working days into shadowing without a single recording: two missed days.
    const shadowStart = '2026-11-02';
    const missed = trainee(1, 'A', shadowStart, [], { today: '2026-11-12', metDays: false });
    const decision = trainee(2, 'B', '2026-08-03', ['solo_failed', 'solo_failed']);
    const onTrack = trainee(3, 'A', started(2), []);
    const rows = listBehind([onTrack, missed, decision], calendar);
    expect(rows.map((r) => [r.displayName, r.issue, r.days])).toEqual([
      ['学员2', 'needs_decision', expect.any(Number)],
      ['学员1', 'missed_days', 3],
    ]);
    expect(rows[1]).toMatchObject({ issueStage: 'shadowing', dates: ['2026-11-09', '2026-11-10', '2026-11-11'], since: null });
    const pending = decision.plan.pendingDecision!;
    expect(rows[0]).toMatchObject({ gate: 'solo', failures: 2, since: pending.since });
  });

  it('measures an overdue solo result in working days after the planned end', () => {
    // B: classroom 2, shadowing 3, supervised 5, solo 5 working days; no solo result recorded.
    const start = '2026-10-12';
    const t = trainee(1, 'B', start, []);
    const solo = t.plan.blocks.find((b) => b.stage === 'solo')!;
    expect(t.plan.status).toBe('awaiting_assessment');
    const [row] = listBehind([t], calendar);
    expect(row).toMatchObject({ issue: 'awaiting_assessment', since: solo.plannedEnd, gate: 'solo' });
    expect(row!.days).toBeGreaterThan(0);
    expect(addWorkingDays(calendar, solo.plannedEnd, row!.days!)).toBe(TODAY);
  });

  it('leaves certified and exited trainees out', () => {
    expect(listBehind([trainee(1, 'A', '2026-06-01', ['solo_passed', 'probation_passed', 'certified'], { metDays: false })], calendar)).toEqual([]);
  });
});

describe('listFailures', () => {
  it('pairs each failure with what the engine scheduled after it', () => {
    const extension = trainee(1, 'A', '2026-08-03', ['solo_failed']);
    const twice = trainee(2, 'B', '2026-08-03', ['solo_failed', 'solo_failed']);
    const exited = trainee(3, 'B', '2026-08-03', ['solo_failed', 'solo_failed', 'exit']);
    const retraining = trainee(4, 'B', '2026-06-01', ['solo_passed', 'probation_failed']);
    const rows = listFailures([extension, twice, exited, retraining]);

    const ext = extension.plan.blocks.find((b) => b.kind === 'extension')!;
    const first = rows.find((r) => r.traineeId === 1)!;
    expect(first).toMatchObject({ gate: 'solo', attempt: 1, scorePercent: 71 });
    expect(first.followUp).toEqual({ kind: 'extension', stage: 'supervised', start: ext.start, end: ext.end, provisional: false });
    expect(first.failedOn).toBe(extension.events.find((e) => e.kind === 'solo_failed')!.effectiveDate);

    expect(rows.filter((r) => r.traineeId === 2).map((r) => [r.attempt, r.followUp.kind])).toEqual([
      [2, 'decision_pending'],
      [1, 'extension'],
    ]);
    expect(rows.filter((r) => r.traineeId === 3).map((r) => [r.attempt, r.followUp.kind])).toEqual([
      [2, 'exited'],
      [1, 'extension'],
    ]);
    expect(rows.find((r) => r.traineeId === 4)).toMatchObject({ gate: 'probation', followUp: { kind: 'retraining', stage: 'supervised' } });
    // Newest first.
    expect([...rows].sort((a, b) => (a.failedOn < b.failedOn ? 1 : -1)).map((r) => r.failedOn)).toEqual(rows.map((r) => r.failedOn));
  });
});

describe('computeMentorLoad', () => {
  it('counts active and behind mentees and pending reviews per mentor of the given trainees, and no one else', () => {
    const rows = computeMentorLoad([
      trainee(1, 'A', started(2), [], { mentorId: 100, pendingReviews: 3 }),
      trainee(2, 'A', '2026-11-02', [], { mentorId: 100, pendingReviews: 2, metDays: false, today: '2026-11-12' }),
      trainee(3, 'A', '2026-06-01', ['solo_passed', 'probation_passed', 'certified'], { mentorId: 100 }),
      trainee(4, 'B', started(1), [], { mentorId: 200, pendingReviews: 0 }),
      trainee(5, 'B', started(1), [], { mentorId: null }),
      // Every mentee certified: still this set's mentor, with nobody active.
      trainee(6, 'B', '2026-06-01', ['solo_passed', 'probation_passed', 'certified'], { mentorId: 300 }),
    ]);
    expect(rows).toEqual([
      { mentorId: 100, mentorName: '导师100', activeMentees: 2, behindMentees: 1, pendingReviews: 5 },
      { mentorId: 200, mentorName: '导师200', activeMentees: 1, behindMentees: 0, pendingReviews: 0 },
      { mentorId: 300, mentorName: '导师300', activeMentees: 0, behindMentees: 0, pendingReviews: 0 },
    ]);
    expect(computeMentorLoad([trainee(5, 'B', started(1), [], { mentorId: null })])).toEqual([]);
  });
});

describe('pageWindow', () => {
  it('clamps the asked-for page to the list, and an empty list still has page 1', () => {
    expect(pageWindow(0, undefined, 25)).toEqual({ page: 1, pageCount: 1, offset: 0 });
    expect(pageWindow(51, 3, 25)).toEqual({ page: 3, pageCount: 3, offset: 50 });
    expect(pageWindow(51, 9, 25)).toEqual({ page: 3, pageCount: 3, offset: 50 });
    expect(pageWindow(50, 0, 25)).toEqual({ page: 1, pageCount: 2, offset: 0 });
    expect(pageWindow(50, 2.7, 25)).toEqual({ page: 2, pageCount: 2, offset: 25 });
  });
});

describe('buildDashboardView', () => {
  // Many trainees over a few cohorts, with repeated names (so the id breaks ties), some behind, some failed.
  const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄强', '周婷', '吴刚', '王芳', '李明'];
  const STAGES = ['classroom', 'shadowing', 'supervised', 'extension', 'solo', 'certified', 'exited'] as const;
  const entries: DashboardEntry[] = Array.from({ length: 97 }, (_, i) => {
    const id = 1000 - i * 7;
    const stage = STAGES[i % STAGES.length]!;
    const status = stage === 'certified' ? 'certified' : stage === 'exited' ? 'exited' : i % 3 === 0 ? 'behind' : 'on_track';
    const facts: TraineeDashboardFacts = {
      version: 1,
      today: TODAY,
      stage,
      status,
      daysRemainingInStage: status === 'certified' ? null : i % 5,
      expectedCertificationDate: status === 'certified' ? null : '2027-02-01',
      certifiedOn: status === 'certified' ? '2026-10-01' : null,
      behind:
        status === 'behind'
          ? [{ issue: 'missed_days', days: 1 + (i % 4), since: null, dates: ['2026-11-20'], issueStage: 'shadowing', issueKind: 'regular', gate: null, failures: null, ratio: null, target: null }]
          : [],
      failures:
        i % 4 === 0
          ? [{ gate: 'solo', attempt: 1, failedOn: `2026-0${1 + (i % 9)}-15`, scorePercent: 60 + (i % 20), followUp: { kind: 'none' } }]
          : [],
      firstAttempt: { solo: i % 4 === 0 ? false : i % 2 === 0 ? true : null, probation: status === 'certified' ? true : null },
      workingDaysToCertification: status === 'certified' ? 60 + (i % 11) : null,
      pendingReviews: i % 6,
    };
    return {
      id,
      displayName: NAMES[i % NAMES.length]!,
      traineeClass: i % 2 === 0 ? 'A' : 'B',
      cohort: `2026-0${1 + (i % 7)}`,
      startDate: '2026-01-05',
      mentorId: 10 + (i % 13),
      mentorName: `导师${10 + (i % 13)}`,
      facts,
    };
  });
  const full = buildDashboardFromEntries({ entries, today: TODAY });

  it('shows exactly each list’s slice of the full dashboard, page by page, with the same summary', () => {
    expect(full.roster).toHaveLength(97);
    expect(full.behind.length).toBeGreaterThan(5);
    expect(full.failures.length).toBeGreaterThan(5);
    expect(full.mentors).toHaveLength(13);
    for (const pageSize of [1, 4, 10, 25, 200]) {
      for (const list of dashboardLists) {
        const pageCount = Math.max(1, Math.ceil(full[list].length / pageSize));
        for (let page = 1; page <= pageCount; page++) {
          const view = buildDashboardView({ entries, today: TODAY, pages: { [list]: page }, pageSize });
          expect(view[list], `${list} ${pageSize} ${page}`).toEqual({
            rows: full[list].slice((page - 1) * pageSize, page * pageSize),
            total: full[list].length,
            page,
            pageCount,
            first: full[list].length === 0 ? 0 : (page - 1) * pageSize + 1,
          });
        }
      }
    }
    const view = buildDashboardView({ entries, today: TODAY, pages: {}, pageSize: 10 });
    const { roster, behind, failures, passRates, mentors, ...summary } = full;
    expect(view).toMatchObject(summary);
    expect(view.classPassRates).toEqual(passRates.filter((r) => r.group.by === 'class'));
    expect(view.roster.rows.map((r) => r.cohort)).toEqual(Array(10).fill('2026-07'));
  });

  it('narrows the roster, behind and failure lists to the name search, and no figure about the group', () => {
    // '张伟' is one of the twelve names (some behind, some failed); username 'u7' is one trainee, 'u7x' ten more.
    const named = entries.map((e, i) => ({ ...e, username: `u${i}` }));
    const wei = named.filter((e) => e.displayName === '张伟');
    const searched = buildDashboardFromEntries({ entries: named, today: TODAY, nameSearch: '张伟' });
    expect(new Set(searched.roster.map((r) => r.traineeId))).toEqual(new Set(wei.map((e) => e.id)));
    expect(searched.roster).toEqual(full.roster.filter((r) => r.displayName === '张伟'));
    expect(searched.behind).toEqual(full.behind.filter((r) => r.displayName === '张伟'));
    expect(searched.failures).toEqual(full.failures.filter((r) => r.displayName === '张伟'));
    expect(searched.behind.length).toBeGreaterThan(0);
    expect(searched.failures.length).toBeGreaterThan(0);
    const { roster, behind, failures, ...figures } = full;
    expect(searched).toMatchObject(figures);
    expect(searched.total).toBe(97);

    const byUsername = buildDashboardFromEntries({ entries: named, today: TODAY, nameSearch: 'U7' });
    expect(byUsername.roster.map((r) => r.traineeId).sort()).toEqual(named.filter((e) => e.username.startsWith('u7')).map((e) => e.id).sort());

    // The page view pages through the found rows only: the same rows as the whole found list.
    const view = buildDashboardView({ entries: named, today: TODAY, pages: { roster: 2 }, pageSize: 4, nameSearch: '张伟' });
    expect(wei.length).toBeGreaterThan(4);
    expect(view.roster).toEqual({ rows: searched.roster.slice(4, 8), total: wei.length, page: 2, pageCount: Math.ceil(wei.length / 4), first: 5 });
    expect(view.behind.total).toBe(searched.behind.length);
    expect(view.failures.total).toBe(searched.failures.length);
    expect(view.total).toBe(97);
    expect(view.mentors.total).toBe(13);

    const none = buildDashboardView({ entries: named, today: TODAY, pages: {}, pageSize: 25, nameSearch: 'nobody' });
    expect(none.roster).toEqual({ rows: [], total: 0, page: 1, pageCount: 1, first: 0 });
    expect(none.behind.rows).toEqual([]);
    expect(none.stages).toEqual(full.stages);
  });

  it('shows the last page when asked for one past the end, and empty lists on page 1', () => {
    const view = buildDashboardView({ entries, today: TODAY, pages: { roster: 99, behind: -1 }, pageSize: 25 });
    expect(view.roster).toMatchObject({ page: 4, pageCount: 4, first: 76, rows: full.roster.slice(75) });
    expect(view.behind.page).toBe(1);
    const empty = buildDashboardView({ entries: [], today: TODAY, pages: { roster: 3 }, pageSize: 25 });
    expect(empty.roster).toEqual({ rows: [], total: 0, page: 1, pageCount: 1, first: 0 });
    expect(empty.mentors.rows).toEqual([]);
  });
});

describe('name search', () => {
  const people = [
    { id: 1, displayName: '王芳', username: 'wangfang' },
    { id: 2, displayName: '王俊', username: 'trainee8' },
    { id: 3, displayName: 'Anna Li', username: 'anna.li' },
    { id: 4, displayName: '李娜', username: 'LiNa_2026' },
    { id: 5, displayName: '50%达标', username: 'pct' },
    { id: 6, displayName: '刘洋' },
  ];
  const ids = (q: string | undefined) => matchNameSearch(people, q).map((p) => p.id);

  it('finds part of the display name or the username, Latin letters in either case', () => {
    expect(ids('王')).toEqual([1, 2]);
    expect(ids('芳')).toEqual([1]);
    expect(ids('LI')).toEqual([3, 4]);
    expect(ids('anna l')).toEqual([3]);
    expect(ids('lina_')).toEqual([4]);
    expect(ids('TRAINEE8')).toEqual([2]);
    // Without a username only the name counts.
    expect(ids('刘洋')).toEqual([6]);
  });

  it('takes % and _ as themselves, not as wildcards, and finds everyone without a search', () => {
    expect(ids('%')).toEqual([5]);
    expect(ids('_')).toEqual([4]);
    expect(ids('王%')).toEqual([]);
    expect(ids('n_a')).toEqual([]);
    expect(ids(undefined)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ids('')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ids('赵')).toEqual([]);
  });
});

describe('summariseDayReviews', () => {
  const ratios = { met: 1, partial: 0.5, not_met: 0 };
  const order = ['opening', 'courtesy', 'hold', 'closing'];
  const review = (id: number, passed: boolean, items: Record<string, unknown>, note = '') => ({
    reviewId: id,
    callId: id * 10,
    externalId: `C-${id}`,
    total: passed ? 90 : 60,
    passed,
    criticalFailed: false,
    note,
    items,
  });

  it('counts passes and lists the items below full marks with comments, in scorecard order', () => {
    const digest = summariseDayReviews(
      [
        review(1, true, { closing: { rating: 'partial', comment: '结束语要等客户先挂机' }, opening: { rating: 'met' }, hold: { rating: 'na' } }),
        review(2, false, { courtesy: { rating: 'not_met', comment: ' ' }, opening: { rating: 'partial', comment: '问候语不完整' } }, '多用您'),
        review(3, true, { opening: { rating: 'met' }, courtesy: { rating: 'unknown-level' }, closing: 'garbage' }),
      ],
      ratios,
      order,
    );
    expect(digest).toMatchObject({ reviewed: 3, passed: 2, failed: 1 });
    expect(digest.calls.map((c) => c.weakItems)).toEqual([
      [{ itemId: 'closing', rating: 'partial', comment: '结束语要等客户先挂机' }],
      [
        { itemId: 'opening', rating: 'partial', comment: '问候语不完整' },
        { itemId: 'courtesy', rating: 'not_met', comment: null },
      ],
      [],
    ]);
    expect(digest.calls[1]).toMatchObject({ note: '多用您', externalId: 'C-2', callId: 20 });
    expect(digest.calls[0]).not.toHaveProperty('items');
  });

  it('is empty without reviews', () => {
    expect(summariseDayReviews([], ratios, order)).toEqual({ reviewed: 0, passed: 0, failed: 0, calls: [] });
  });
});
