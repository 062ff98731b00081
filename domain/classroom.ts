// The classroom stage's rules: which modules a class must do, when a module counts as done, what a
// trainee may start next (module quiz, placement quiz, business-knowledge exam), and the view of an
// open attempt that is safe to send to the browser. Pure: attempts, events and content come in.
// seeds/000 篇二 四(一): 业务集中培训 — the modules; SPEC "Trainee classes": B may waive modules.
import type { ProgramEvent } from './events';
import { gradeQuiz, isQuizPassed, toPublicQuestion, type PublicQuizQuestion, type QuizGrade, type QuizQuestion } from './quiz';
import type { TraineeClass } from './program-settings';

export const QUIZ_KINDS = ['module', 'placement', 'exam'] as const;
/** module: a module's quiz; placement: a B trainee's test-out of a module; exam: 业务知识考核 over every bank. */
export type QuizKind = (typeof QUIZ_KINDS)[number];

/**
 * Saves and submissions that reach the server this long after an exam's deadline still count: the
 * browser submits at zero on its own clock and the request needs a moment to arrive. Not a program
 * rule (the time limit is in content/program.yaml); a network allowance.
 */
export const DEADLINE_GRACE_MS = 5_000;

export type ModuleRef = { id: string; requiredFor: readonly TraineeClass[] };

/** The facts of one stored attempt that the rules look at. */
export type AttemptFacts = {
  id: number;
  kind: QuizKind;
  moduleId: string | null;
  startedAt: number;
  deadlineAt: number | null;
  submittedAt: number | null;
  scorePercent: number | null;
  passed: boolean | null;
};

/** The modules a class must complete, in content order. */
export function requiredModuleIds(modules: readonly ModuleRef[], traineeClass: TraineeClass): string[] {
  return modules.filter((m) => m.requiredFor.includes(traineeClass)).map((m) => m.id);
}

/**
 * seeds/000 篇二 四(一) + SPEC stage 1 exit criteria: every required module's quiz passed, or (B) waived.
 * A class with no required module has nothing to complete, so it is complete.
 */
export function isClassroomComplete(input: {
  requiredModuleIds: readonly string[];
  passedModuleIds: readonly string[];
  waivedModuleIds: readonly string[];
}): boolean {
  return outstandingModuleIds(input).length === 0;
}

export function outstandingModuleIds(input: {
  requiredModuleIds: readonly string[];
  passedModuleIds: readonly string[];
  waivedModuleIds: readonly string[];
}): string[] {
  const done = new Set([...input.passedModuleIds, ...input.waivedModuleIds]);
  return input.requiredModuleIds.filter((id) => !done.has(id));
}

/** Modules whose quiz the trainee has passed (placement passes become waivers, not passes). */
export function passedModuleIds(attempts: readonly AttemptFacts[]): string[] {
  return [...new Set(attempts.filter((a) => a.kind === 'module' && a.passed === true && a.moduleId).map((a) => a.moduleId as string))];
}

/** Modules waived by events still in force (pass the effective events: a voided waiver no longer counts). */
export function waivedModuleIds(effectiveEvents: readonly ProgramEvent[]): string[] {
  return [...new Set(effectiveEvents.flatMap((e) => (e.kind === 'module_waived' ? [e.payload.moduleId] : [])))];
}

/**
 * Whether the classroom stage already has its completion on record: the stage_completed this feature
 * appends, or a lead's complete_stage override. Either ends the gated classroom block of the plan.
 */
export function isClassroomStageRecorded(effectiveEvents: readonly ProgramEvent[]): boolean {
  return effectiveEvents.some(
    (e) =>
      (e.kind === 'stage_completed' && e.payload.stage === 'classroom') ||
      (e.kind === 'override' && e.payload.action === 'complete_stage' && e.payload.stage === 'classroom'),
  );
}

/** An attempt not yet graded; an exam past its deadline (plus the grace) is no longer open, only awaiting its grade. */
export function isAttemptOpen(attempt: Pick<AttemptFacts, 'submittedAt' | 'deadlineAt'>, now: number): boolean {
  return attempt.submittedAt === null && !isAttemptExpired(attempt, now);
}

/** Ungraded and past its deadline: it must be graded on the answers saved so far. */
export function isAttemptExpired(attempt: Pick<AttemptFacts, 'submittedAt' | 'deadlineAt'>, now: number): boolean {
  return attempt.submittedAt === null && attempt.deadlineAt !== null && now > attempt.deadlineAt + DEADLINE_GRACE_MS;
}

export type ModuleQuizStatus =
  /** waived by a placement quiz or a lead */
  | 'waived'
  | 'passed'
  /** an attempt is open: resume it */
  | 'in_progress'
  /** the attempt limit is used up without a pass: the trainee must see their lead */
  | 'limit_reached'
  | 'available';

export type ModuleQuizState = {
  status: ModuleQuizStatus;
  attemptsUsed: number;
  attemptsLeft: number;
  bestScorePercent: number | null;
  openAttemptId: number | null;
  lastGradedAttemptId: number | null;
};

/**
 * One module's quiz state for a trainee. Every attempt started counts against the limit, open or
 * not: abandoning a paper and starting again would otherwise be a free redraw.
 */
export function moduleQuizState(input: {
  moduleId: string;
  attempts: readonly AttemptFacts[];
  attemptLimit: number;
  waived: boolean;
  now: number;
}): ModuleQuizState {
  const own = input.attempts.filter((a) => a.kind === 'module' && a.moduleId === input.moduleId).sort((a, b) => a.id - b.id);
  const graded = own.filter((a) => a.submittedAt !== null);
  const scores = graded.flatMap((a) => (a.scorePercent === null ? [] : [a.scorePercent]));
  const open = own.find((a) => a.submittedAt === null);
  const attemptsUsed = own.length;
  const status: ModuleQuizStatus = input.waived
    ? 'waived'
    : graded.some((a) => a.passed === true)
      ? 'passed'
      : open
        ? 'in_progress'
        : attemptsUsed >= input.attemptLimit
          ? 'limit_reached'
          : 'available';
  return {
    status,
    attemptsUsed,
    attemptsLeft: Math.max(0, input.attemptLimit - attemptsUsed),
    bestScorePercent: scores.length === 0 ? null : Math.max(...scores),
    openAttemptId: open?.id ?? null,
    lastGradedAttemptId: graded.at(-1)?.id ?? null,
  };
}

export type PlacementState = {
  /** A B trainee may still test out of this module. */
  available: boolean;
  openAttemptId: number | null;
  /** The graded placement attempt, if there was one. */
  taken: { attemptId: number; passed: boolean; scorePercent: number | null } | null;
};

/**
 * SPEC "Trainee classes": B may waive a module by passing its placement quiz. One placement attempt
 * per module: it measures what the trainee already knows, so a retake would only measure the
 * previous paper; a B trainee who fails it takes the module like everyone else.
 */
export function placementState(input: {
  traineeClass: TraineeClass;
  moduleId: string;
  attempts: readonly AttemptFacts[];
  moduleStatus: ModuleQuizStatus;
}): PlacementState {
  const own = input.attempts.filter((a) => a.kind === 'placement' && a.moduleId === input.moduleId).sort((a, b) => a.id - b.id);
  const open = own.find((a) => a.submittedAt === null);
  const graded = own.find((a) => a.submittedAt !== null);
  const moduleStillOpen = input.moduleStatus === 'available' || input.moduleStatus === 'in_progress';
  return {
    available: input.traineeClass === 'B' && moduleStillOpen && own.length === 0,
    openAttemptId: moduleStillOpen ? (open?.id ?? null) : null,
    taken: graded ? { attemptId: graded.id, passed: graded.passed === true, scorePercent: graded.scorePercent } : null,
  };
}

/**
 * Who may have a module waived by a lead. B: always (SPEC: "or by a lead's waiver with a reason").
 * A does every module, except that a lead can release an A trainee who used up the attempt limit —
 * the alternative is a trainee stuck in the classroom for good.
 */
export function canLeadWaiveModule(input: { traineeClass: TraineeClass; status: ModuleQuizStatus }): boolean {
  if (input.status === 'waived' || input.status === 'passed') return false;
  return input.traineeClass === 'B' || input.status === 'limit_reached';
}

export type ExamState =
  | { status: 'not_yet'; reason: 'classroom_incomplete' | 'exited' }
  | { status: 'passed'; bestScorePercent: number; lastAttemptId: number }
  | { status: 'in_progress'; attemptId: number; deadlineAt: number | null }
  | { status: 'available'; attemptsTaken: number; bestScorePercent: number | null; lastAttemptId: number | null };

/**
 * seeds/000 篇二 四(三)(二)1): the business-knowledge exam must be passed before the solo week ends.
 * It opens once the classroom stage is complete — the exam covers every module, so sitting it
 * earlier tests lessons not yet taught — and stays open until passed. One open attempt at a time.
 */
export function examState(input: {
  classroomComplete: boolean;
  exited: boolean;
  attempts: readonly AttemptFacts[];
}): ExamState {
  const exams = input.attempts.filter((a) => a.kind === 'exam').sort((a, b) => a.id - b.id);
  const graded = exams.filter((a) => a.submittedAt !== null);
  const scores = graded.flatMap((a) => (a.scorePercent === null ? [] : [a.scorePercent]));
  const best = scores.length === 0 ? null : Math.max(...scores);
  const lastAttemptId = graded.at(-1)?.id ?? null;
  const passed = graded.filter((a) => a.passed === true);
  if (passed.length > 0) return { status: 'passed', bestScorePercent: best ?? 0, lastAttemptId: lastAttemptId as number };
  const open = exams.find((a) => a.submittedAt === null);
  if (open) return { status: 'in_progress', attemptId: open.id, deadlineAt: open.deadlineAt };
  if (input.exited) return { status: 'not_yet', reason: 'exited' };
  if (!input.classroomComplete) return { status: 'not_yet', reason: 'classroom_incomplete' };
  return { status: 'available', attemptsTaken: graded.length, bestScorePercent: best, lastAttemptId };
}

/**
 * The exam's pool: every bank, with a question whose prompt repeats another's (the same fact taught
 * in two modules) kept once, so a paper never asks the same thing twice.
 */
export function examQuestionPool<Q extends QuizQuestion>(questions: readonly Q[]): Q[] {
  const seen = new Set<string>();
  return [...questions]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .filter((q) => {
      const key = q.prompt.normalize('NFKC').replace(/[\p{P}\p{S}\s]/gu, '');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/**
 * Keeps the answers that fit the paper: known question ids, option ids of that question, one choice
 * for a single-answer type. Anything else is dropped rather than stored.
 */
export function answersForPaper(
  answers: Readonly<Record<string, readonly string[]>>,
  paper: ReadonlyMap<string, Pick<QuizQuestion, 'type' | 'options'>>,
): Record<string, string[]> {
  const kept: Record<string, string[]> = {};
  for (const [questionId, chosen] of Object.entries(answers)) {
    const q = paper.get(questionId);
    if (!q) continue;
    const optionIds = new Set(q.options.map((o) => o.id));
    const valid = [...new Set(chosen)].filter((id) => optionIds.has(id));
    if (q.type !== 'multiple' && valid.length > 1) continue;
    if (valid.length > 0) kept[questionId] = valid;
  }
  return kept;
}

/** What the quiz form in the browser receives: the questions without their key, the saved answers, the deadline. */
export type QuizFormProps = {
  attemptId: number;
  kind: QuizKind;
  questions: PublicQuizQuestion[];
  saved: Record<string, string[]>;
  deadlineAt: number | null;
};

/**
 * Builds the client props of an open attempt from the stored paper and the question bank. Only
 * toPublicQuestion's fields leave the server; a question removed from the bank since the draw is
 * left out, and one whose options were edited is shown in its authored order.
 */
export function buildQuizFormProps(
  attempt: { id: number; kind: QuizKind; questionIds: readonly string[]; optionOrder: Readonly<Record<string, readonly string[]>>; answers: Readonly<Record<string, readonly string[]>>; deadlineAt: number | null },
  questionsById: ReadonlyMap<string, QuizQuestion>,
): QuizFormProps {
  const paper = paperQuestions(attempt.questionIds, questionsById);
  const questions = paper.map((q) => {
    const order = attempt.optionOrder[q.id];
    const fits = order !== undefined && order.length === q.options.length && q.options.every((o) => order.includes(o.id));
    return toPublicQuestion(q, fits ? order : undefined);
  });
  return {
    attemptId: attempt.id,
    kind: attempt.kind,
    questions,
    saved: answersForPaper(attempt.answers, new Map(paper.map((q) => [q.id, q]))),
    deadlineAt: attempt.deadlineAt,
  };
}

/** The drawn questions still in the bank, in paper order. */
export function paperQuestions<Q extends QuizQuestion>(questionIds: readonly string[], questionsById: ReadonlyMap<string, Q>): Q[] {
  return questionIds.flatMap((id) => {
    const q = questionsById.get(id);
    return q ? [q] : [];
  });
}

/**
 * The answers a submission is graded on. Before the deadline: what the trainee submitted (the whole
 * form). After it: only what was saved in time — a late request cannot add answers, and an attempt
 * graded lazily when next opened has nothing submitted at all.
 */
export function answersToGrade(input: {
  attempt: Pick<AttemptFacts, 'submittedAt' | 'deadlineAt'> & { answers: Readonly<Record<string, readonly string[]>> };
  submitted: Readonly<Record<string, readonly string[]>> | null;
  now: number;
}): { answers: Record<string, string[]>; timedOut: boolean } {
  const timedOut = isAttemptExpired(input.attempt, input.now);
  const source = timedOut || input.submitted === null ? input.attempt.answers : input.submitted;
  return { answers: Object.fromEntries(Object.entries(source).map(([id, chosen]) => [id, [...chosen]])), timedOut };
}

/** Grades a stored paper against the bank: questions removed from the bank since the draw don't count either way. */
export function gradePaper(input: {
  questionIds: readonly string[];
  questionsById: ReadonlyMap<string, QuizQuestion>;
  answers: Readonly<Record<string, readonly string[]>>;
  passMark: number;
}): QuizGrade & { passed: boolean } {
  const paper = paperQuestions(input.questionIds, input.questionsById);
  const grade = gradeQuiz({ questions: paper, answers: answersForPaper(input.answers, new Map(paper.map((q) => [q.id, q]))) });
  return { ...grade, passed: grade.total > 0 && isQuizPassed(grade.scorePercent, input.passMark) };
}
