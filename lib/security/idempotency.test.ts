// A form submitted twice records once (SPEC "What good looks like"): every write action, called
// twice with the same submission through its real wrapper, changes the database the first time and
// not the second. The cases run in order on one demo database, each building on the last (a sample
// is drawn before its call is reviewed, a group is made before its script is written).
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dailySamples, drillScripts, programEvents, quizAttempts, sampledCalls } from '@/db/schema';
import { getTrainee } from '@/db/queries/trainees';
import { loadProbationReview, loadSoloWeek } from '@/lib/assessment';
import { loadScorecard } from '@/lib/content/scorecard';
import { getModule } from '@/lib/content/modules';
import { computeTraineePlan, loadProgramContext } from '@/lib/program';
import { actionFn, createDemoWorld, listActions, rowCounts, TODAY, type DemoWorld } from './harness';

const state = vi.hoisted(() => ({ db: undefined as unknown, actor: null as unknown }));
vi.mock('@/lib/session', () => ({ getActor: async () => state.actor }));
vi.mock('@/db/client', async (original) => ({ ...(await original<object>()), getDb: () => state.db }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('next/navigation', async (original) => ({ ...(await original<object>()), redirect: () => undefined }));

let w: DemoWorld;
const memo: Record<string, number | string> = {};

beforeAll(async () => {
  vi.stubEnv('APP_TODAY', TODAY);
  // Noon in Shanghai on TODAY: calls imported for the morning are in the past.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${TODAY}T04:00:00Z`));
  w = await createDemoWorld();
  state.db = w.db;
}, 60_000);

afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

const YESTERDAY = '2026-11-24';
const TOMORROW = '2026-11-26';
const key = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function reviewValues(note = '') {
  const scorecard = loadScorecard();
  return {
    scorecardVersion: scorecard.version,
    items: Object.fromEntries(scorecard.items.map((i) => [i.id, { rating: 'met', comment: '' }])),
    critical: {},
    note,
  };
}

function traineeRecord(username: string) {
  return getTrainee(w.db, { orgId: w.orgId, traineeId: w.traineeId(username) })!;
}

type Case = {
  key: string;
  as: string;
  input: () => unknown;
  /** Tables the first submission must add rows to; [] for writes that update in place. */
  adds: string[];
  /** Runs before the first submission (finding the ids the input names). */
  before?: () => void;
  /** Runs after the first submission (remembering what it created). */
  after?: (data: unknown) => void;
};

const CASES: Case[] = [
  { key: 'admin/tokens#createApiTokenAction', as: 'admin', input: () => ({ name: 'pbx-1' }), adds: ['api_tokens'], after: (d) => (memo.tokenId = (d as { id: number }).id) },
  { key: 'admin/tokens#revokeApiTokenAction', as: 'admin', input: () => ({ tokenId: memo.tokenId }), adds: [] },
  {
    key: 'admin/users#createStaffUserAction',
    as: 'admin',
    input: () => ({ username: 'newmentor', displayName: '新导师', roles: ['mentor'] }),
    adds: ['users', 'user_roles'],
    after: () => (memo.staffId = w.userId('newmentor')),
  },
  { key: 'admin/users#updateUserAction', as: 'admin', input: () => ({ userId: memo.staffId, displayName: '新导师', roles: ['mentor', 'qa'] }), adds: ['user_roles'] },
  { key: 'admin/users#setUserDisabledAction', as: 'admin', input: () => ({ userId: memo.staffId, disabled: true }), adds: [] },
  {
    key: 'calls/import#importCallsAction',
    as: 'lead',
    input: () => ({
      file: new Blob([`call_id,agent,start_time,duration_sec,direction\nIDEM-1,trainee4,${YESTERDAY}T10:00:00+08:00,95,inbound\n`], { type: 'text/csv' }),
    }),
    adds: ['calls'],
  },
  { key: 'classroom#completeLessonAction', as: 'trainee1', input: () => ({ moduleId: 'dept-intro', lessonId: getModule('dept-intro')!.lessons[0]!.id }), adds: ['lesson_progress'] },
  {
    key: 'classroom#startAttemptAction',
    as: 'trainee1',
    input: () => ({ kind: 'module', moduleId: 'dept-intro' }),
    adds: ['quiz_attempts'],
    after: (d) => (memo.attemptId = (d as { attemptId: number }).attemptId),
  },
  {
    key: 'classroom#saveAnswersAction',
    as: 'trainee1',
    input: () => {
      const attempt = w.db.select().from(quizAttempts).where(eq(quizAttempts.id, Number(memo.attemptId))).get()!;
      return { attemptId: memo.attemptId, answers: { [attempt.questionIds[0]!]: [attempt.optionOrder[attempt.questionIds[0]!]![0]!] } };
    },
    adds: [],
  },
  { key: 'classroom#submitAttemptAction', as: 'trainee1', input: () => ({ attemptId: memo.attemptId, answers: {} }), adds: [] },
  {
    key: 'lead/drills#createDrillGroupFormAction',
    as: 'lead',
    input: () => ({ day: TODAY, name: '第9组', scenarioId: 'consultation-payment-channels', traineeIds: [w.traineeId('trainee3')] }),
    adds: ['drill_groups', 'drill_group_members'],
    after: (d) => (memo.groupId = (d as { groupId: number }).groupId),
  },
  { key: 'drills#submitDrillScriptFormAction', as: 'trainee3', input: () => ({ day: TODAY, script: '坐席：您好，请问有什么可以帮到您？' }), adds: ['drill_scripts'] },
  {
    key: 'trainees/[id]/shadowing#commentDrillScriptFormAction',
    as: 'mentor1',
    before: () => {
      memo.scriptId = w.db
        .select({ id: drillScripts.id })
        .from(drillScripts)
        .where(and(eq(drillScripts.traineeId, w.traineeId('trainee3')), eq(drillScripts.day, TODAY)))
        .get()!.id;
    },
    input: () => ({ scriptId: memo.scriptId, comment: '开场规范，复述到位。' }),
    adds: [],
  },
  {
    key: 'lead/drills#deleteDrillGroupFormAction',
    as: 'lead',
    input: () => ({ groupId: memo.emptyGroupId }),
    adds: [],
  },
  {
    key: 'lead/enrol#enrolTraineeAction',
    as: 'lead',
    input: () => ({
      displayName: '新学员',
      username: 'newtrainee',
      traineeClass: 'B',
      cohort: '2026-12',
      startDate: TOMORROW,
      mentorId: String(w.userId('mentor2')),
      requestKey: key(1),
    }),
    adds: ['users', 'user_roles', 'trainees', 'mentor_assignments', 'program_events'],
  },
  {
    key: 'lead/enrol#importEnrolCsvAction',
    as: 'lead',
    input: () => ({
      requestKey: key(2),
      header: ['name', 'username', 'class', 'cohort', 'start_date', 'mentor_username'],
      records: [{ row: 2, cells: ['导入学员', 'csvtrainee', 'A', '2026-12', TOMORROW, 'mentor1'] }],
    }),
    adds: ['users', 'trainees', 'program_events'],
  },
  {
    key: 'lead/mentors#reassignMentorAction',
    as: 'lead',
    input: () => ({ traineeId: w.traineeId('trainee9'), mentorId: String(w.userId('mentor2')), reason: '导师调岗' }),
    adds: ['mentor_assignments'],
  },
  {
    key: 'shadowing#logRecordingFormAction',
    as: 'trainee2',
    input: () => ({
      day: TODAY,
      recordingRef: 'REC-IDEM-1',
      agentName: '王坐席',
      callType: 'consultation',
      wentWell: '开场规范',
      toLearn: '复述问题',
      requestKey: key(3),
    }),
    adds: ['recordings'],
    after: (d) => (memo.recordingId = (d as { recordingId: number }).recordingId),
  },
  { key: 'shadowing#liveShadowingFormAction', as: 'trainee2', input: () => ({ day: TODAY, attended: true }), adds: [] },
  { key: 'shadowing#deleteRecordingFormAction', as: 'trainee2', input: () => ({ recordingId: memo.recordingId }), adds: [] },
  {
    key: 'trainees/[id]/calls#drawSampleAction',
    as: 'mentor2',
    input: () => ({ traineeId: w.traineeId('trainee4'), day: TODAY }),
    adds: ['daily_samples', 'sampled_calls'],
    after: () => {
      const rows = w.db
        .select({ callId: sampledCalls.callId })
        .from(sampledCalls)
        .innerJoin(dailySamples, eq(dailySamples.id, sampledCalls.sampleId))
        .where(and(eq(dailySamples.traineeId, w.traineeId('trainee4')), eq(dailySamples.day, TODAY), isNull(sampledCalls.replacedAt)))
        .orderBy(sampledCalls.slot)
        .all();
      memo.sampledCall = rows[0]!.callId;
      memo.swappedCall = rows[1]!.callId;
    },
  },
  {
    key: 'trainees/[id]/calls#replaceSampledCallAction',
    as: 'mentor2',
    input: () => ({ traineeId: w.traineeId('trainee4'), day: TODAY, sampledCallId: String(memo.swappedCall), reason: '录音缺失' }),
    adds: ['sampled_calls'],
  },
  {
    key: 'trainees/[id]/review#submitMentorReviewAction',
    as: 'mentor2',
    input: () => ({ traineeId: w.traineeId('trainee4'), callId: memo.sampledCall, review: reviewValues('语速稍快') }),
    adds: ['call_reviews'],
    after: (d) => (memo.reviewId = (d as { reviewId: number }).reviewId),
  },
  { key: 'trainees/[id]/review#acknowledgeReviewAction', as: 'trainee4', input: () => ({ traineeId: w.traineeId('trainee4'), reviewId: memo.reviewId }), adds: [] },
  {
    key: 'trainees/[id]/shadowing#liveListenFormAction',
    as: 'mentor2',
    input: () => ({ traineeId: w.traineeId('trainee4'), day: TODAY, callsLiveListened: '3' }),
    adds: [],
  },
  {
    key: 'trainees/[id]/shadowing#confirmDayFormAction',
    as: 'mentor2',
    input: () => ({ traineeId: w.traineeId('trainee2'), day: YESTERDAY, liveShadowing: true }),
    adds: [],
  },
  {
    key: 'trainees/[id]#excuseAbsence',
    as: 'lead',
    input: () => ({ traineeId: w.traineeId('trainee5'), date: TODAY, reason: '病假', requestKey: key(4) }),
    adds: ['program_events'],
  },
  {
    key: 'trainees/[id]#overrideStage',
    as: 'lead',
    input: () => ({ traineeId: w.traineeId('trainee7'), action: 'set_stage_days', stage: 'supervised', days: 6, reason: '补足天数', requestKey: key(5) }),
    adds: ['program_events'],
  },
  {
    key: 'trainees/[id]#takeDecision',
    as: 'lead',
    input: () => ({ traineeId: w.traineeId('trainee12'), decision: 'continue', reason: '再给一次机会', requestKey: key(6) }),
    adds: ['program_events'],
  },
  {
    key: 'trainees/[id]/classroom#waiveModuleAction',
    as: 'lead',
    input: () => ({ traineeId: w.traineeId('trainee10'), moduleId: 'dept-intro', reason: '有同类经验', requestKey: key(7) }),
    adds: ['program_events'],
  },
  {
    key: 'trainees/[id]/probation#submitProbationScoreAction',
    as: 'mentor1',
    input: () => ({ traineeId: w.traineeId('trainee15'), assessorKind: 'mentor', score: 88, comment: '服务规范' }),
    adds: ['probation_scores'],
  },
  {
    key: 'trainees/[id]/probation#signOffProbationAction',
    as: 'lead',
    before: () => {
      const t15 = w.traineeId('trainee15');
      const ctx = loadProgramContext(w.db, w.orgId);
      const plan = computeTraineePlan(w.db, ctx, traineeRecord('trainee15'), TODAY);
      memo.probationStart = loadProbationReview(w.db, { plan, traineeId: t15, settings: ctx.settings, today: TODAY })!.block.start;
    },
    input: () => ({ traineeId: w.traineeId('trainee15'), blockStart: memo.probationStart, result: 'passed', reason: '综合表现良好', requestKey: key(8) }),
    adds: ['program_events', 'certificates'],
    after: () => {
      memo.probationEvent = w.db
        .select({ id: programEvents.id })
        .from(programEvents)
        .where(and(eq(programEvents.traineeId, w.traineeId('trainee15')), eq(programEvents.kind, 'probation_passed')))
        .get()!.id;
    },
  },
  {
    key: 'trainees/[id]/probation#correctProbationSignOffAction',
    as: 'lead',
    input: () => ({ traineeId: w.traineeId('trainee15'), eventId: memo.probationEvent, result: 'failed', reason: '评分录入有误', requestKey: key(9) }),
    adds: ['program_events'],
  },
  {
    key: 'trainees/[id]/solo#submitAssessmentReviewAction',
    as: 'qa',
    before: () => {
      const t6 = w.traineeId('trainee6');
      const ctx = loadProgramContext(w.db, w.orgId);
      const plan = computeTraineePlan(w.db, ctx, traineeRecord('trainee6'), TODAY);
      const week = loadSoloWeek(w.db, { plan, traineeId: t6, settings: ctx.settings, scorecard: loadScorecard(), today: TODAY })!;
      const scored = new Set(week.reviews.map((r) => r.callId));
      const call = w.db.$client
        .prepare(`select id from calls where trainee_id = ? and day in (${week.days.filter((d) => d <= TODAY).map(() => '?').join(',')}) order by id`)
        .all(t6, ...week.days.filter((d) => d <= TODAY)) as { id: number }[];
      memo.soloCall = call.find((c) => !scored.has(c.id))!.id;
    },
    input: () => ({ traineeId: w.traineeId('trainee6'), callId: memo.soloCall, review: reviewValues() }),
    adds: ['call_reviews'],
  },
  {
    key: 'trainees/[id]/solo#confirmSoloResultAction',
    as: 'lead',
    before: () => {
      const t11 = w.traineeId('trainee11');
      const ctx = loadProgramContext(w.db, w.orgId);
      const plan = computeTraineePlan(w.db, ctx, traineeRecord('trainee11'), TODAY);
      const week = loadSoloWeek(w.db, { plan, traineeId: t11, settings: ctx.settings, scorecard: loadScorecard(), today: TODAY })!;
      memo.soloStart = week.block.start;
      memo.soloComputed = week.result.passed ? 'passed' : 'failed';
    },
    input: () => ({ traineeId: w.traineeId('trainee11'), blockStart: memo.soloStart, result: memo.soloComputed, requestKey: key(10) }),
    adds: ['program_events'],
    after: () => {
      memo.soloEvent = w.db
        .select({ id: programEvents.id })
        .from(programEvents)
        .where(and(eq(programEvents.traineeId, w.traineeId('trainee11')), eq(programEvents.requestKey, key(10))))
        .get()!.id;
    },
  },
  {
    key: 'trainees/[id]/solo#correctSoloResultAction',
    as: 'lead',
    input: () => ({ traineeId: w.traineeId('trainee11'), eventId: memo.soloEvent, result: memo.soloComputed === 'passed' ? 'failed' : 'passed', reason: '复核后更正', requestKey: key(11) }),
    adds: ['program_events'],
  },
  {
    key: 'trainees/[id]/solo#overrideSoloResultAction',
    as: 'lead',
    before: () => {
      const t6 = w.traineeId('trainee6');
      const ctx = loadProgramContext(w.db, w.orgId);
      const plan = computeTraineePlan(w.db, ctx, traineeRecord('trainee6'), TODAY);
      memo.soloStart6 = loadSoloWeek(w.db, { plan, traineeId: t6, settings: ctx.settings, scorecard: loadScorecard(), today: TODAY })!.block.start;
    },
    input: () => ({ traineeId: w.traineeId('trainee6'), blockStart: memo.soloStart6, result: 'passed', reason: '提前结束考核', requestKey: key(12) }),
    adds: ['program_events'],
  },
];

/** Actions that read, or whose repetition is a new request by design. */
const NOT_IDEMPOTENT_WRITES: Record<string, string> = {
  'admin/users#resetPasswordAction': 'each reset issues a new one-time password on purpose; it writes no row, only replaces the hash',
  'calls/import#previewCallsImportAction': 'reads only',
  'classroom#moduleStateAction': 'reads only',
  'lead/enrol#checkEnrolChunkAction': 'reads only',
  'change-password#changePasswordAction': 'the second submission names a current password that is no longer current, and is refused',
};

describe('double submission records once', () => {
  it('every write action has a case', () => {
    const covered = new Set([...CASES.map((c) => c.key), ...Object.keys(NOT_IDEMPOTENT_WRITES)]);
    expect(listActions().map((a) => a.key).filter((k) => !covered.has(k))).toEqual([]);
  });

  it.each(CASES.map((c) => [c.key, c] as const))('%s', async (_key, c) => {
    // A group without scripts can be deleted: make an empty one for tomorrow.
    if (c.key === 'lead/drills#deleteDrillGroupFormAction') {
      state.actor = w.actor('lead');
      const made = await actionFn('lead/drills#createDrillGroupFormAction')({ day: TOMORROW, name: '空组', scenarioId: 'consultation-payment-channels', traineeIds: [w.traineeId('trainee3')] });
      expect(made, JSON.stringify(made)).toMatchObject({ ok: true });
      memo.emptyGroupId = (made as { data: { groupId: number } }).data.groupId;
    }
    // Every other assessor of trainee15 scores first, as they would on the page.
    if (c.key === 'trainees/[id]/probation#signOffProbationAction') {
      for (const [as, kind] of [
        ['qa', 'qa'],
        ['lead', 'department_head'],
        ['lead', 'training_specialist'],
        ['lead', 'branch_coach'],
      ] as const) {
        state.actor = w.actor(as);
        const scored = await actionFn('trainees/[id]/probation#submitProbationScoreAction')({ traineeId: w.traineeId('trainee15'), assessorKind: kind, score: 86, comment: '良好' });
        expect(scored, `${as} scores as ${kind}: ${JSON.stringify(scored)}`).toMatchObject({ ok: true });
      }
    }
    c.before?.();
    state.actor = w.actor(c.as);
    const action = actionFn(c.key);
    const input = c.input();
    const before = rowCounts(w.db);
    const first = await action(input);
    expect(first, JSON.stringify(first)).toMatchObject({ ok: true });
    const middle = rowCounts(w.db);
    for (const table of c.adds) expect(middle[table], `${c.key} adds to ${table}`).toBeGreaterThan(before[table]!);
    c.after?.((first as { data: unknown }).data);
    const second = await action(input);
    // The same submission again: the first one's answer, or a refusal that names the conflict — and no new row.
    if (!second.ok) expect(second.formError, JSON.stringify(second)).toMatch(/^errors\./);
    expect(rowCounts(w.db), `${c.key} submitted twice`).toEqual(middle);
  });
});
