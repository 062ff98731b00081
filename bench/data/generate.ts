// The benchmark's database: thousands of trainees at every point of the program as of `today`,
// written through the real schema (the real migrations run first) with prepared statements in
// large transactions. Each trainee's events come from replaying a random story through the engine
// (bench/data/stories.ts); the day facts — recordings, drill scripts, calls, daily samples, reviews,
// assessments — are written for every past working day of the blocks the engine laid out, the
// trainee_days counters are counted from those rows, and the cached status is the engine's answer
// for the facts written. Deterministic for a given size and today.
import fs from 'node:fs';
import { addWorkingDays, isWorkingDay, previousWorkingDay } from '@/domain/calendar';
import { sampleDailyCalls } from '@/domain/call-sampling';
import type { IsoDate } from '@/domain/dates';
import { computeDashboardFacts, countPendingReviews } from '@/domain/dashboard';
import { listDailyRequirementCodes, type DayActivity } from '@/domain/day-status';
import type { ProgramEvent } from '@/domain/events';
import { computePlan, type Plan, type PlanBlock } from '@/domain/plan';
import { assessorKinds, type AssessorKind } from '@/domain/program-settings';
import { drawQuiz, type QuizQuestion } from '@/domain/quiz';
import { createRandom, pickIndex, type Random } from '@/domain/random';
import { scoreCallReview, type ItemResults } from '@/domain/scorecard';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { encodeSampleAlgorithm } from '@/lib/call-samples';
import { loadDrillScenarios } from '@/lib/content/drills';
import { loadModules } from '@/lib/content/modules';
import { loadScorecard, type ScorecardContent } from '@/lib/content/scorecard';
import { hashPassword } from '@/lib/password';
import { currentStageOf, loadProgramContext, type ProgramContext } from '@/lib/program';
import { BENCH_PASSWORD, SIZES, type SizeName, type SizeSpec } from '../config';
import { personName } from './names';
import { chooseStory, replayStory, type TraineeStory } from './stories';

export type GenerateOptions = { file: string; size: SizeName | SizeSpec; today: IsoDate; log?: (line: string) => void };

export type GenerateSummary = {
  file: string;
  today: IsoDate;
  seconds: number;
  rows: Record<string, number>;
  totalRows: number;
  statuses: Record<string, number>;
  stages: Record<string, number>;
};

const ORG_ID = 1;
const HOUR = 3_600_000;
// Trainees per mentor within a cohort: a mentor guides a small group of the same intake.
const MENTEES_PER_MENTOR = 5;
const DRILL_GROUP_SIZE = 6;

const AGENTS = ['王芳', '陈刚', '刘敏', '杨帆', '黄丽', '周杰', '吴倩', '徐磊', '马骏', '朱琳'];
const RECORDING_TYPES = ['consultation', 'business', 'fault', 'complaint', 'collection', 'other'];
const WENT_WELL = [
  '开头语规范,语速适中,客户情绪平稳。',
  '复述客户问题后再解答,避免了误解。',
  '客户抱怨时先致歉再解释,处理得当。',
  '查询前征得客户同意并每隔十几秒告知进度。',
  '结束前主动询问是否还有其他需要帮助。',
  '工单要素记录完整,描述清楚。',
];
const TO_LEARN = [
  '解释套餐资费时可以更简洁,先讲结论。',
  '遇到不确定的问题应先向同事确认,不要猜测。',
  '称呼客户时多用"X先生/女士"。',
  '投诉电话要体现首问负责,不能让客户再打一次。',
  '通话结尾要等客户先挂机。',
  '注意语速,激动的客户面前要放慢。',
];
const SCRIPT =
  '坐席:您好,请问有什么可以帮到您?\n客户:我想问一下话费可以怎么交。\n坐席:好的,先生,您可以通过营业厅、网上营业厅或银行代扣缴费……请问还有什么能帮到您?';

function pick<T>(rng: Random, items: readonly T[]): T {
  return items[pickIndex(rng, items.length)]!;
}

function between(rng: Random, min: number, max: number): number {
  return min + pickIndex(rng, max - min + 1);
}

const at = (day: IsoDate, utcHour: number, minutes = 0) => Date.parse(`${day}T00:00:00Z`) + utcHour * HOUR + minutes * 60_000;

function reviewItems(scorecard: ScorecardContent, rng: Random, strong: boolean): ItemResults {
  const results: Record<string, { rating: string; comment?: string }> = {};
  for (const item of scorecard.items) {
    const roll = rng();
    const notApplicable = item.allowNotApplicable && roll < 0.3;
    const rating = notApplicable ? 'na' : roll < (strong ? 0.86 : 0.62) ? 'met' : roll < 0.96 ? 'partial' : 'not_met';
    results[item.id] = rating === 'partial' ? { rating, comment: pick(rng, TO_LEARN) } : { rating };
  }
  return results;
}

/** Cohorts from about a year before `today` to two starting after it, one every ~6 working days. */
function planCohorts(ctx: ProgramContext, today: IsoDate, count: number): { label: string; startDate: IsoDate }[] {
  const anchor = isWorkingDay(ctx.calendar, today) ? today : addWorkingDays(ctx.calendar, today, 1);
  const spacing = 250 / Math.max(1, count - 3);
  const perMonth = new Map<string, number>();
  return Array.from({ length: count }, (_, k) => {
    const startDate = addWorkingDays(ctx.calendar, anchor, Math.round((k - (count - 3)) * spacing));
    const month = startDate.slice(0, 7);
    const n = (perMonth.get(month) ?? 0) + 1;
    perMonth.set(month, n);
    return { label: `${month}-${String.fromCharCode(96 + n)}`, startDate };
  });
}

function createWriter(sqlite: ReturnType<typeof openDatabase>['$client']) {
  const statement = (sql: string) => sqlite.prepare(sql);
  return {
    user: statement(
      'insert into users (id, org_id, username, display_name, password_hash, created_at) values (?, ?, ?, ?, ?, ?)',
    ),
    role: statement('insert into user_roles (user_id, role) values (?, ?)'),
    trainee: statement(
      'insert into trainees (id, org_id, user_id, trainee_class, cohort, start_date, mentor_id, status, current_stage, status_as_of, dashboard_facts, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    assignment: statement(
      'insert into mentor_assignments (trainee_id, mentor_id, from_date, to_date, assigned_by, reason, created_at) values (?, ?, ?, ?, ?, ?, ?)',
    ),
    event: statement(
      'insert into program_events (id, org_id, trainee_id, kind, effective_date, payload, actor_id, reason, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    day: statement(
      'insert into trainee_days (trainee_id, day, live_shadowing, recordings_logged, calls_handled, calls_sampled, calls_reviewed, calls_live_listened, drill_script_submitted, confirmed_by, confirmed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    recording: statement(
      'insert into recordings (trainee_id, day, recording_ref, agent_name, call_type, went_well, to_learn, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    drillGroup: statement('insert into drill_groups (id, org_id, day, name, scenario_id, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)'),
    drillMember: statement('insert into drill_group_members (group_id, trainee_id) values (?, ?)'),
    drillScript: statement(
      'insert into drill_scripts (trainee_id, group_id, day, scenario_id, script, mentor_comment, commented_by, commented_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    call: statement(
      'insert into calls (id, org_id, trainee_id, external_id, agent_code, started_at, day, duration_sec, direction, recording_url, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    sample: statement(
      'insert into daily_samples (id, trainee_id, day, seed, algorithm, pool_call_ids, shortfall, drawn_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    sampled: statement('insert into sampled_calls (sample_id, call_id, slot, created_at) values (?, ?, ?, ?)'),
    review: statement(
      'insert into call_reviews (org_id, call_id, trainee_id, reviewer_id, kind, day, scorecard_version, items, critical_flags, total, critical_failed, passed, note, acknowledged_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    lesson: statement('insert into lesson_progress (trainee_id, lesson_id, module_id, completed_at) values (?, ?, ?, ?)'),
    quiz: statement(
      'insert into quiz_attempts (trainee_id, kind, module_id, seed, question_ids, option_order, answers, started_at, deadline_at, submitted_at, score_percent, passed) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    probationScore: statement(
      'insert into probation_scores (trainee_id, attempt, assessor_kind, assessor_id, score, comment, created_at) values (?, ?, ?, ?, ?, ?, ?)',
    ),
    certificate: statement('insert into certificates (trainee_id, code, issued_on, issued_by, created_at) values (?, ?, ?, ?, ?)'),
    login: statement('insert into login_attempts (username, ip, succeeded, at) values (?, ?, ?, ?)'),
  };
}

type Writer = ReturnType<typeof createWriter>;

/** Counters shared across trainees: explicit ids so rows can reference each other without a read-back. */
type Ids = { event: number; call: number; sample: number; drillGroup: number };

type Staff = { adminId: number; leadIds: number[]; qaIds: number[]; mentorIds: number[] };

type TraineeInput = {
  n: number;
  traineeId: number;
  userId: number;
  username: string;
  cohort: string;
  story: TraineeStory;
  mentorId: number;
  qaId: number;
};

type DrillGroupState = { id: number; size: number; scenarioId: string; ordinal: number };

type Context = {
  ctx: ProgramContext;
  today: IsoDate;
  yesterday: IsoDate;
  w: Writer;
  ids: Ids;
  staff: Staff;
  scorecard: ScorecardContent;
  modules: ReturnType<typeof loadModules>;
  examBank: QuizQuestion[];
  scenarios: string[];
  drillGroups: Map<IsoDate, DrillGroupState>;
  rows: Record<string, number>;
  certificateCodes: Set<string>;
};

function count(c: Context, table: string, n = 1): void {
  c.rows[table] = (c.rows[table] ?? 0) + n;
}

function certificateCode(c: Context, rng: Random): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  for (;;) {
    const part = () => Array.from({ length: 4 }, () => alphabet[pickIndex(rng, alphabet.length)]).join('');
    const code = `${part()}-${part()}-${part()}`;
    if (!c.certificateCodes.has(code)) {
      c.certificateCodes.add(code);
      return code;
    }
  }
}

function actorOf(event: ProgramEvent, staff: Staff): number | null {
  switch (event.kind) {
    case 'exam_recorded':
    case 'stage_completed':
    case 'extension_scheduled':
    case 'retraining_scheduled':
      return null;
    default:
      return staff.leadIds[0]!;
  }
}

function writeEvents(c: Context, t: TraineeInput, events: ProgramEvent[]): void {
  const base = c.ids.event;
  const globalId = (local: unknown) => base + Number(local) - 1;
  for (const event of events) {
    const payload: Record<string, unknown> = { ...event.payload };
    if (payload.causeEventId !== undefined) payload.causeEventId = globalId(payload.causeEventId);
    c.w.event.run(
      globalId(event.id),
      ORG_ID,
      t.traineeId,
      event.kind,
      event.effectiveDate,
      JSON.stringify(payload),
      actorOf(event, c.staff),
      event.reason ?? null,
      event.createdAt,
    );
  }
  c.ids.event += events.length;
  count(c, 'program_events', events.length);
}

type DayFacts = Required<Omit<DayActivity, 'callsEligible'>>;

function emptyFacts(date: IsoDate): DayFacts {
  return {
    date,
    recordingsLogged: 0,
    liveShadowingAttended: false,
    drillScriptSubmitted: false,
    callsHandled: 0,
    callsSampled: 0,
    callsReviewed: 0,
    callsLiveListened: 0,
  };
}

/** Index of the last block with a solo or probation result: misses before it no longer count (plan.ts). */
function lastResultIndex(plan: Plan): number {
  return plan.blocks.findLastIndex(
    (b) => (b.stage === 'solo' || b.stage === 'probation') && (b.outcome === 'passed' || b.outcome === 'failed'),
  );
}

function writeCalls(c: Context, t: TraineeInput, rng: Random, day: IsoDate, handled: number, inbound: boolean) {
  const out: { id: string; externalId: string; durationSec: number }[] = [];
  for (let i = 1; i <= handled; i++) {
    const id = c.ids.call++;
    const durationSec = i % 9 === 0 ? between(rng, 8, 28) : between(rng, 45, 540);
    const externalId = `CL${day.replaceAll('-', '')}${String(t.n).padStart(6, '0')}${String(i).padStart(3, '0')}`;
    const startedAt = at(day, 1, i * 12);
    c.w.call.run(
      id,
      ORG_ID,
      t.traineeId,
      externalId,
      t.username,
      startedAt,
      day,
      durationSec,
      inbound || i % 4 !== 0 ? 'inbound' : 'outbound',
      `https://recordings.example.invalid/${externalId}.mp3`,
      startedAt + durationSec * 1000 + 3 * HOUR,
    );
    out.push({ id: String(id), externalId, durationSec });
  }
  count(c, 'calls', handled);
  return out;
}

function writeReview(
  c: Context,
  t: TraineeInput,
  rng: Random,
  callId: number,
  day: IsoDate,
  kind: 'mentor' | 'assessment',
  strong: boolean,
  acknowledgedAt: number | null,
): void {
  const items = reviewItems(c.scorecard, rng, strong);
  const score = scoreCallReview(c.scorecard, items, {});
  c.w.review.run(
    ORG_ID,
    callId,
    t.traineeId,
    kind === 'mentor' ? t.mentorId : t.qaId,
    kind,
    day,
    c.scorecard.version,
    JSON.stringify(items),
    '[]',
    score.total,
    score.criticalFailed ? 1 : 0,
    score.passed ? 1 : 0,
    kind === 'assessment' ? '服务用语规范,业务解答准确。' : pick(rng, ['整体不错,注意结束语和复述确认。', '开头规范,投诉处理要先安抚情绪。', '']),
    acknowledgedAt,
    at(day, 9, between(rng, 0, 59)),
  );
  count(c, 'call_reviews');
}

function drillGroupFor(c: Context, day: IsoDate, traineeId: number): number {
  let group = c.drillGroups.get(day);
  if (!group || group.size >= DRILL_GROUP_SIZE) {
    const ordinal = (group?.ordinal ?? 0) + 1;
    group = { id: c.ids.drillGroup++, size: 0, scenarioId: c.scenarios[c.ids.drillGroup % c.scenarios.length]!, ordinal };
    c.w.drillGroup.run(group.id, ORG_ID, day, `第${ordinal}组`, group.scenarioId, c.staff.leadIds[0]!, at(day, 0));
    count(c, 'drill_groups');
    c.drillGroups.set(day, group);
  }
  group.size += 1;
  c.w.drillMember.run(group.id, traineeId);
  count(c, 'drill_group_members');
  return group.id;
}

/** One working day's facts for a block with a daily rule (or the solo week), written and counted. */
function writeDay(
  c: Context,
  t: TraineeInput,
  rng: Random,
  block: PlanBlock,
  day: IsoDate,
  forgiven: boolean,
): DayFacts | null {
  const { today, yesterday, ctx } = c;
  const isToday = day === today;
  const isPast = day < today;
  // An unexcused absence: nothing logged at all that day.
  if (isPast && rng() < t.story.missRate) return null;
  const codes = listDailyRequirementCodes(block, ctx.settings);
  const facts = emptyFacts(day);
  let confirmedBy: number | null = null;
  let confirmedAt: number | null = null;
  const mentorConfirms = day < yesterday || (day === yesterday && rng() < 0.5);

  if (codes.includes('recordings')) {
    const logged = isToday ? pickIndex(rng, 10) : 10 + (rng() < 0.1 ? 1 : 0);
    for (let i = 1; i <= logged; i++) {
      c.w.recording.run(
        t.traineeId,
        day,
        `REC-${day.replaceAll('-', '')}-${between(rng, 1000, 9999)}`,
        pick(rng, AGENTS),
        pick(rng, RECORDING_TYPES),
        pick(rng, WENT_WELL),
        pick(rng, TO_LEARN),
        at(day, 1, i * 25),
      );
    }
    count(c, 'recordings', logged);
    facts.recordingsLogged = logged;
    if (codes.includes('live_shadowing')) facts.liveShadowingAttended = !isToday;
    if (!isToday && mentorConfirms) {
      confirmedBy = t.mentorId;
      confirmedAt = at(day, 10);
    }
  }

  if (codes.includes('drill_script')) {
    const groupId = drillGroupFor(c, day, t.traineeId);
    const submitted = !isToday || rng() < 0.5;
    if (submitted) {
      const commented = !isToday && mentorConfirms;
      c.w.drillScript.run(
        t.traineeId,
        groupId,
        day,
        c.drillGroups.get(day)!.scenarioId,
        SCRIPT,
        commented ? '开头和结束语规范;介绍缴费渠道时可以先问客户习惯用哪种方式。' : null,
        commented ? t.mentorId : null,
        commented ? at(day, 10) : null,
        at(day, 8),
      );
      count(c, 'drill_scripts');
    }
    facts.drillScriptSubmitted = submitted;
  }

  const supervisedCalls = codes.includes('calls_handled');
  const soloCalls = block.stage === 'solo';
  if (supervisedCalls || soloCalls) {
    const handled = isToday ? between(rng, 6, 14) : between(rng, 22, 40);
    const pool = writeCalls(c, t, rng, day, handled, soloCalls);
    facts.callsHandled = handled;
    const seed = `bench:${t.n}:${day}`;
    const parameters = { count: ctx.settings.quotas.supervised.sampledCallsPerDay, minCallSeconds: ctx.settings.quotas.supervised.minCallSeconds };
    const sample = sampleDailyCalls({ calls: pool, ...parameters, seed });
    if (supervisedCalls) {
      const sampleId = c.ids.sample++;
      c.w.sample.run(
        sampleId,
        t.traineeId,
        day,
        seed,
        // Stored as the app stores it (lib/call-samples.ts), so "verify draw" and swaps can replay it.
        encodeSampleAlgorithm({ algorithm: sample.algorithm, ...parameters }),
        JSON.stringify(pool.map((p) => Number(p.id))),
        sample.shortfall,
        t.mentorId,
        at(day, 9),
      );
      count(c, 'daily_samples');
      sample.sampledIds.forEach((id, slot) => c.w.sampled.run(sampleId, Number(id), slot, at(day, 9)));
      count(c, 'sampled_calls', sample.sampledIds.length);
      facts.callsSampled = sample.sampledIds.length;
      // Today's sample waits for the mentor; a late mentor leaves yesterday's half done; an old
      // stage (before a later assessment result) keeps the odd call nobody reviewed.
      let reviewed = 0;
      for (const id of sample.sampledIds) {
        const skip = isToday || (day === yesterday && t.story.mentorBehind && rng() < 0.6) || (forgiven && rng() < 0.04);
        if (skip) continue;
        const acknowledgedAt = day < yesterday ? at(day, 13) + 20 * HOUR : null;
        writeReview(c, t, rng, Number(id), day, 'mentor', block.kind !== 'retraining', acknowledgedAt);
        reviewed += 1;
      }
      facts.callsReviewed = reviewed;
      const share = t.story.lowCoverage ? 0.3 + rng() * 0.15 : 0.55 + rng() * 0.3;
      facts.callsLiveListened = Math.ceil(handled * share);
    } else if (isPast) {
      // qa scores two or three of the week's calls a day (the solo week's minimum is ten).
      for (const id of sample.sampledIds.slice(0, rng() < 0.5 ? 2 : 3)) {
        writeReview(c, t, rng, Number(id), day, 'assessment', !t.story.solo.includes('failed'), null);
      }
    }
  }

  c.w.day.run(
    t.traineeId,
    day,
    facts.liveShadowingAttended ? 1 : 0,
    facts.recordingsLogged,
    facts.callsHandled,
    facts.callsSampled,
    facts.callsReviewed,
    facts.callsLiveListened,
    facts.drillScriptSubmitted ? 1 : 0,
    confirmedBy,
    confirmedAt,
  );
  count(c, 'trainee_days');
  return facts;
}

function writeClassroom(c: Context, t: TraineeInput, plan: Plan): void {
  const classroom = plan.blocks.find((b) => b.stage === 'classroom' && !b.skipped);
  if (!classroom || classroom.start > c.today) return;
  const days = classroom.workingDays.filter((d) => d <= c.today);
  const finished = classroom.outcome !== null;
  const lessons = c.modules.flatMap((m) => m.lessons.map((l) => ({ moduleId: m.id, lessonId: l.id })));
  // In progress: the share of the classroom's days gone by; finished: everything.
  const share = finished ? 1 : Math.min(1, days.length / Math.max(1, classroom.workingDays.length));
  const read = Math.floor(lessons.length * share);
  lessons.slice(0, read).forEach((l, i) => {
    const day = days[Math.min(days.length - 1, Math.floor((i / lessons.length) * days.length))] ?? classroom.start;
    c.w.lesson.run(t.traineeId, l.lessonId, l.moduleId, at(day, 1, 10 * (i % 40)));
  });
  count(c, 'lesson_progress', read);
  const { questionCount, passMark } = c.ctx.settings.classroom.quiz;
  const modulesDone = finished ? c.modules.length : Math.floor(c.modules.length * share);
  c.modules.slice(0, modulesDone).forEach((m, i) => {
    const day = days[Math.min(days.length - 1, Math.floor((i / c.modules.length) * days.length))] ?? classroom.start;
    const seed = `bench:${t.n}:${m.id}`;
    const drawn = drawQuiz({ bank: m.questions, count: questionCount, seed });
    const startedAt = at(day, 6, i * 7);
    const score = 80 + 10 * pickIndex(createRandom(seed), 3);
    const answers = Object.fromEntries(drawn.questionIds.map((id) => [id, [...(m.questions.find((q) => q.id === id)?.answer ?? [])]]));
    c.w.quiz.run(
      t.traineeId,
      'module',
      m.id,
      seed,
      JSON.stringify(drawn.questionIds),
      JSON.stringify(drawn.optionOrder),
      JSON.stringify(answers),
      startedAt,
      null,
      startedAt + 12 * 60_000,
      score,
      score >= passMark ? 1 : 0,
    );
  });
  count(c, 'quiz_attempts', modulesDone);
}

function writeExams(c: Context, t: TraineeInput, events: ProgramEvent[]): void {
  const { questionCount, timeLimitMinutes } = c.ctx.settings.exam;
  for (const event of events) {
    if (event.kind !== 'exam_recorded') continue;
    const seed = `bench:${t.n}:exam:${event.effectiveDate}`;
    const drawn = drawQuiz({ bank: c.examBank, count: questionCount, seed });
    const startedAt = at(event.effectiveDate, 1);
    c.w.quiz.run(
      t.traineeId,
      'exam',
      null,
      seed,
      JSON.stringify(drawn.questionIds),
      JSON.stringify(drawn.optionOrder),
      '{}',
      startedAt,
      startedAt + timeLimitMinutes * 60_000,
      startedAt + 38 * 60_000,
      event.payload.scorePercent,
      event.payload.passed ? 1 : 0,
    );
    count(c, 'quiz_attempts');
  }
}

function writeProbation(c: Context, t: TraineeInput, rng: Random, plan: Plan): void {
  const assessors: Record<AssessorKind, number> = {
    department_head: c.staff.leadIds[1] ?? c.staff.leadIds[0]!,
    mentor: t.mentorId,
    qa: t.qaId,
    training_specialist: c.staff.leadIds[0]!,
    branch_coach: c.staff.leadIds[2] ?? c.staff.leadIds[0]!,
  };
  for (const block of plan.blocks) {
    if (block.stage !== 'probation' || (block.outcome !== 'passed' && block.outcome !== 'failed')) continue;
    for (const kind of assessorKinds) {
      const score = block.outcome === 'passed' ? between(rng, 82, 95) : between(rng, 65, 78);
      c.w.probationScore.run(
        t.traineeId,
        block.attempt,
        kind,
        assessors[kind],
        score,
        block.outcome === 'passed' ? '服务规范,业务熟练,团队协作良好。' : '业务掌握不够扎实,投诉处理需加强。',
        at(block.plannedEnd, 8),
      );
    }
    count(c, 'probation_scores', assessorKinds.length);
  }
  if (plan.certificate) {
    c.w.certificate.run(t.traineeId, plan.certificate.code, plan.certificate.date, c.staff.leadIds[0]!, at(plan.certificate.date, 9));
    count(c, 'certificates');
  }
}

function writeLogins(c: Context, username: string, days: readonly IsoDate[], rng: Random): void {
  for (const day of days) {
    const ip = `10.${between(rng, 0, 3)}.${between(rng, 0, 255)}.${between(rng, 1, 254)}`;
    if (rng() < 0.02) {
      c.w.login.run(username, ip, 0, at(day, 0, 50));
      count(c, 'login_attempts');
    }
    c.w.login.run(username, ip, 1, at(day, 0, 55));
    count(c, 'login_attempts');
  }
}

function writeTrainee(c: Context, t: TraineeInput): { status: string; stage: string | null } {
  const rng = createRandom(`bench:days:${t.n}`);
  const { events, layout } = replayStory(c.ctx, t.story, c.today, () => certificateCode(c, rng));
  writeEvents(c, t, events);

  const forgivenBefore = lastResultIndex(layout);
  const activity: DayFacts[] = [];
  const loginDays: IsoDate[] = [];
  layout.blocks.forEach((block, index) => {
    if (block.skipped || block.stage === 'certified') return;
    for (const day of block.workingDays) {
      if (day > c.today) break;
      loginDays.push(day);
      const hasDailyFacts = listDailyRequirementCodes(block, c.ctx.settings).length > 0 || block.stage === 'solo';
      if (!hasDailyFacts) continue;
      const facts = writeDay(c, t, rng, block, day, index < forgivenBefore);
      if (facts) activity.push(facts);
    }
  });
  writeClassroom(c, t, layout);
  writeExams(c, t, events);
  writeProbation(c, t, rng, layout);
  writeLogins(c, t.username, loginDays, rng);

  // The cached status and dashboard facts are the engine's answer for exactly the facts written above.
  const plan = computePlan({
    trainee: { traineeClass: t.story.traineeClass, startDate: t.story.startDate },
    settings: c.ctx.settings,
    calendar: c.ctx.calendar,
    events,
    activity,
    today: c.today,
  });
  const stage = currentStageOf(plan);
  const facts = computeDashboardFacts(
    { plan, events, startDate: t.story.startDate, pendingReviews: countPendingReviews(activity, c.today) },
    c.ctx.calendar,
  );
  c.w.trainee.run(
    t.traineeId,
    ORG_ID,
    t.userId,
    t.story.traineeClass,
    t.cohort,
    t.story.startDate,
    t.mentorId,
    plan.status,
    stage,
    c.today,
    JSON.stringify(facts),
    at(addWorkingDays(c.ctx.calendar, t.story.startDate, -5), 2),
  );
  count(c, 'trainees');
  return { status: plan.status, stage };
}

function sizeSpec(size: SizeName | SizeSpec): SizeSpec {
  return typeof size === 'string' ? SIZES[size] : size;
}

export async function generateBenchDatabase(options: GenerateOptions): Promise<GenerateSummary> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const spec = sizeSpec(options.size);
  const { file, today } = options;
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
  const db = openDatabase(file);
  migrateDatabase(db);
  const sqlite = db.$client;
  // Bulk load: no journal, no fsync, no per-row foreign-key lookups (the rows are consistent by
  // construction; the generator's test runs foreign_key_check). Normal settings are restored below.
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('cache_size = -262144');
  sqlite.pragma('temp_store = MEMORY');

  const passwordHash = await hashPassword(BENCH_PASSWORD);
  sqlite.prepare('insert into organisations (id, name, time_zone) values (?, ?, ?)').run(ORG_ID, '客户服务中心(压测数据)', 'Asia/Shanghai');
  const ctx = loadProgramContext(db, ORG_ID);
  const w = createWriter(sqlite);
  const rows: Record<string, number> = {};
  const modules = loadModules();
  const c: Context = {
    ctx,
    today,
    yesterday: previousWorkingDay(ctx.calendar, today),
    w,
    ids: { event: 1, call: 1, sample: 1, drillGroup: 1 },
    staff: { adminId: 0, leadIds: [], qaIds: [], mentorIds: [] },
    scorecard: loadScorecard(),
    modules,
    examBank: modules.flatMap((m) => m.questions),
    scenarios: loadDrillScenarios().map((s) => s.id),
    drillGroups: new Map(),
    rows,
    certificateCodes: new Set(),
  };

  const names = createRandom('bench:names');
  let userId = 1;
  const createdAt = at(addWorkingDays(ctx.calendar, today, -260), 1);
  const addUser = (username: string, displayName: string, roles: string[]) => {
    const id = userId++;
    w.user.run(id, ORG_ID, username, displayName, passwordHash, createdAt);
    for (const role of roles) w.role.run(id, role);
    count(c, 'users');
    count(c, 'user_roles', roles.length);
    return id;
  };
  const staffLoginDays: IsoDate[] = [];
  for (let d = addWorkingDays(ctx.calendar, today, -250); d < today; d = addWorkingDays(ctx.calendar, d, 1)) staffLoginDays.push(d);
  sqlite.transaction(() => {
    c.staff.adminId = addUser('admin', personName(names), ['admin']);
    for (let i = 1; i <= spec.leads; i++) c.staff.leadIds.push(addUser(i === 1 ? 'lead' : `lead${i}`, personName(names), ['lead']));
    for (let i = 1; i <= spec.qa; i++) c.staff.qaIds.push(addUser(i === 1 ? 'qa' : `qa${i}`, personName(names), ['qa']));
    for (let i = 1; i <= spec.mentors; i++) c.staff.mentorIds.push(addUser(`mentor${i}`, personName(names), ['mentor']));
    const staffRng = createRandom('bench:staff-logins');
    for (const username of ['lead', 'qa', ...c.staff.mentorIds.map((_, i) => `mentor${i + 1}`)]) writeLogins(c, username, staffLoginDays, staffRng);
  })();
  log(`staff: ${spec.leads} leads, ${spec.qa} qa, ${spec.mentors} mentors`);

  const cohorts = planCohorts(ctx, today, spec.cohorts);
  const perCohort = Math.ceil(spec.trainees / spec.cohorts);
  const mentorsPerCohort = Math.ceil(perCohort / MENTEES_PER_MENTOR);
  const statuses: Record<string, number> = {};
  const stages: Record<string, number> = {};
  const BATCH = 250;
  for (let from = 1; from <= spec.trainees; from += BATCH) {
    sqlite.transaction(() => {
      for (let n = from; n < Math.min(from + BATCH, spec.trainees + 1); n++) {
        const k = Math.min(spec.cohorts - 1, Math.floor(((n - 1) * spec.cohorts) / spec.trainees));
        const j = n - 1 - Math.ceil((k * spec.trainees) / spec.cohorts);
        const cohort = cohorts[k]!;
        const storyRng = createRandom(`bench:story:${n}`);
        // Most of a cohort starts together; a few join a day or two late.
        const startDate = storyRng() < 0.25 ? addWorkingDays(ctx.calendar, cohort.startDate, 1 + pickIndex(storyRng, 2)) : cohort.startDate;
        const story = chooseStory(storyRng, startDate);
        const mentorIndex = (k * mentorsPerCohort + Math.floor(Math.max(0, j) / MENTEES_PER_MENTOR)) % spec.mentors;
        const username = `trainee${n}`;
        const uid = addUser(username, personName(names), ['trainee']);
        const traineeId = n;
        const t: TraineeInput = {
          n,
          traineeId,
          userId: uid,
          username,
          cohort: cohort.label,
          story,
          mentorId: c.staff.mentorIds[mentorIndex]!,
          qaId: c.staff.qaIds[n % c.staff.qaIds.length]!,
        };
        const { status, stage } = writeTrainee(c, t);
        statuses[status] = (statuses[status] ?? 0) + 1;
        stages[stage ?? status] = (stages[stage ?? status] ?? 0) + 1;
        // A few trainees changed mentor halfway: the first one keeps read access as a past mentor.
        if (storyRng() < 0.03) {
          const previous = c.staff.mentorIds[(mentorIndex + 1) % spec.mentors]!;
          const switchedOn = addWorkingDays(ctx.calendar, story.startDate, 8);
          w.assignment.run(traineeId, previous, story.startDate, addWorkingDays(ctx.calendar, switchedOn, -1), c.staff.leadIds[0]!, null, at(story.startDate, 1));
          w.assignment.run(traineeId, t.mentorId, switchedOn, null, c.staff.leadIds[0]!, '原辅导员调岗。', at(switchedOn, 1));
          count(c, 'mentor_assignments', 2);
        } else {
          w.assignment.run(traineeId, t.mentorId, story.startDate, null, c.staff.leadIds[0]!, null, at(story.startDate, 1));
          count(c, 'mentor_assignments');
        }
      }
    })();
    if ((from - 1) % 2500 === 0 || from + BATCH > spec.trainees) {
      log(`trainees ${Math.min(from + BATCH - 1, spec.trainees)}/${spec.trainees} (${Math.round((performance.now() - started) / 1000)} s)`);
    }
  }

  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.close();
  const totalRows = Object.values(rows).reduce((a, b) => a + b, 0);
  return { file, today, seconds: Math.round((performance.now() - started) / 100) / 10, rows, totalRows, statuses, stages };
}
