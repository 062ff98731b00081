// What each person should do next for one trainee, as codes with numbers; the UI words them.
import type { IsoDate } from './dates';
import type { DayEvaluation, DayRequirement, RequirementCode } from './day-status';
import type { AssessmentGate, BlockKind, Plan, PlanStage } from './plan';

export type ActionRole = 'trainee' | 'mentor' | 'qa' | 'lead';

export type NextAction =
  | { code: 'wait_for_start'; startDate: IsoDate }
  | { code: 'complete_classroom_modules'; plannedEnd: IsoDate; overdue: boolean }
  | { code: 'attend_live_shadowing' }
  | { code: 'log_recordings'; remaining: number }
  | { code: 'submit_drill_script'; remaining: number }
  | { code: 'handle_calls' }
  | { code: 'take_exam'; dueBy: IsoDate | null }
  | { code: 'catch_up_missed_days'; dates: IsoDate[] }
  | { code: 'confirm_live_shadowing'; date: IsoDate }
  | { code: 'draw_call_sample'; dates: IsoDate[] }
  | { code: 'review_sampled_calls'; count: number; dates: IsoDate[] }
  | { code: 'increase_live_listening'; ratio: number; target: number }
  | { code: 'score_solo_calls'; until: IsoDate }
  | { code: 'confirm_solo_result' }
  | { code: 'score_probation'; until: IsoDate }
  | { code: 'sign_off_probation' }
  | { code: 'issue_certificate' }
  | { code: 'take_decision'; gate: AssessmentGate; failures: number }
  | { code: 'resolve_missed_days'; dates: IsoDate[] }
  | { code: 'resolve_overdue_classroom'; plannedEnd: IsoDate };

export type NextActions = {
  stage: PlanStage | null;
  kind: BlockKind | null;
  daysRemainingInStage: number | null;
  actions: NextAction[];
};

function findRequirement(day: DayEvaluation, code: RequirementCode): DayRequirement | undefined {
  return day.requirements.find((r) => r.code === code);
}

function shortfall(requirement: DayRequirement | undefined): number {
  return requirement ? Math.max(0, requirement.target - requirement.done) : 0;
}

/** Days up to today whose requirement is still open (today pending, or missed). */
function listOpenDays(plan: Plan): DayEvaluation[] {
  return plan.currentBlockDays.filter(
    (d) => d.date <= plan.today && (d.status === 'missed' || d.status === 'pending'),
  );
}

function listTraineeActions(plan: Plan): NextAction[] {
  const actions: NextAction[] = [];
  const current = plan.currentBlockIndex === null ? undefined : plan.blocks[plan.currentBlockIndex];
  if (plan.status === 'not_started') actions.push({ code: 'wait_for_start', startDate: plan.startDate });
  if (current?.stage === 'classroom' && current.resultPending) {
    actions.push({ code: 'complete_classroom_modules', plannedEnd: current.plannedEnd, overdue: plan.today > current.plannedEnd });
  }
  const today = plan.todayEvaluation;
  if (today && today.status === 'pending') {
    const live = findRequirement(today, 'live_shadowing');
    if (live && !live.met) actions.push({ code: 'attend_live_shadowing' });
    const recordings = findRequirement(today, 'recordings');
    if (recordings && !recordings.met) actions.push({ code: 'log_recordings', remaining: shortfall(recordings) });
    const script = findRequirement(today, 'drill_script');
    if (script && !script.met) actions.push({ code: 'submit_drill_script', remaining: shortfall(script) });
    const calls = findRequirement(today, 'calls_handled');
    if (calls && !calls.met) actions.push({ code: 'handle_calls' });
  }
  const missed = plan.currentBlockDays.filter((d) => d.status === 'missed').map((d) => d.date);
  if (missed.length > 0) actions.push({ code: 'catch_up_missed_days', dates: missed });
  // seeds/000 篇二 四(三)(二)1): the exam is due once the trainee is on the phones, before the solo week ends.
  if (plan.exam.required && !plan.exam.passed && current && (current.stage === 'supervised' || current.stage === 'solo')) {
    actions.push({ code: 'take_exam', dueBy: plan.exam.dueBy });
  }
  return actions;
}

function listMentorActions(plan: Plan): NextAction[] {
  const actions: NextAction[] = [];
  const current = plan.currentBlockIndex === null ? undefined : plan.blocks[plan.currentBlockIndex];
  const openDays = listOpenDays(plan);
  for (const day of openDays) {
    const live = findRequirement(day, 'live_shadowing');
    // seeds/000 篇二 四(二)3: the mentor is the trainee's one-to-one lead and confirms the live shadowing.
    if (live && !live.met) actions.push({ code: 'confirm_live_shadowing', date: day.date });
  }
  const toSample = openDays.filter((d) => shortfall(findRequirement(d, 'calls_sampled')) > 0).map((d) => d.date);
  if (toSample.length > 0) actions.push({ code: 'draw_call_sample', dates: toSample });
  const toReview = openDays.filter((d) => shortfall(findRequirement(d, 'calls_reviewed')) > 0);
  if (toReview.length > 0) {
    actions.push({
      code: 'review_sampled_calls',
      count: toReview.reduce((sum, d) => sum + shortfall(findRequirement(d, 'calls_reviewed')), 0),
      dates: toReview.map((d) => d.date),
    });
  }
  // seeds/000 篇二 四(二)3: 指导客服代表须在线旁听对应新客服代表话务的50%以上.
  if (current?.coverage?.status === 'below' && current.coverage.ratio !== null) {
    actions.push({ code: 'increase_live_listening', ratio: current.coverage.ratio, target: current.coverage.target });
  }
  if (current?.stage === 'probation' && current.resultPending) {
    actions.push({ code: 'score_probation', until: current.plannedEnd });
  }
  return actions;
}

function listQaActions(plan: Plan): NextAction[] {
  const current = plan.currentBlockIndex === null ? undefined : plan.blocks[plan.currentBlockIndex];
  if (!current?.resultPending) return [];
  if (current.stage === 'solo') {
    const actions: NextAction[] = [{ code: 'score_solo_calls', until: current.plannedEnd }];
    if (plan.today >= current.plannedEnd) actions.push({ code: 'confirm_solo_result' });
    return actions;
  }
  if (current.stage === 'probation') return [{ code: 'score_probation', until: current.plannedEnd }];
  return [];
}

function listLeadActions(plan: Plan): NextAction[] {
  const actions: NextAction[] = [];
  if (plan.pendingDecision) {
    actions.push({ code: 'take_decision', gate: plan.pendingDecision.gate, failures: plan.pendingDecision.failures });
  }
  const current = plan.currentBlockIndex === null ? undefined : plan.blocks[plan.currentBlockIndex];
  if (current?.resultPending && plan.today >= current.plannedEnd) {
    if (current.stage === 'solo') actions.push({ code: 'confirm_solo_result' });
    if (current.stage === 'probation') actions.push({ code: 'sign_off_probation' });
  }
  const probationPassed = plan.blocks.some((b) => b.stage === 'probation' && b.outcome === 'passed');
  if (probationPassed && !plan.certificate && !plan.exitedOn) actions.push({ code: 'issue_certificate' });
  for (const reason of plan.behindReasons) {
    // A lead excuses the days or overrides the stage, with a reason.
    if (reason.code === 'missed_days') actions.push({ code: 'resolve_missed_days', dates: reason.dates });
    if (reason.code === 'classroom_overdue') actions.push({ code: 'resolve_overdue_classroom', plannedEnd: reason.plannedEnd });
  }
  return actions;
}

export function computeNextActions(plan: Plan, role: ActionRole): NextActions {
  const current = plan.currentBlockIndex === null ? undefined : plan.blocks[plan.currentBlockIndex];
  const finished = plan.status === 'certified' || plan.status === 'exited';
  const actions = finished
    ? []
    : role === 'trainee'
      ? listTraineeActions(plan)
      : role === 'mentor'
        ? listMentorActions(plan)
        : role === 'qa'
          ? listQaActions(plan)
          : listLeadActions(plan);
  return {
    stage: current?.stage ?? null,
    kind: current?.kind ?? null,
    daysRemainingInStage: plan.daysRemainingInStage,
    actions,
  };
}
