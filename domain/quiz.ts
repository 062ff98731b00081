// Quizzes and the business-knowledge exam: seeded drawing from a question bank, grading,
// and the public view of a question that is safe to send to the browser.
// seeds/000 篇二 四(三)(二)1): business-knowledge exam (业务知识考核); SPEC: module quizzes drawn at random from each module's bank.
import { z } from 'zod';
import { compareCodeUnits, shuffleSeeded } from './random';

export const QUIZ_QUESTION_TYPES = ['single', 'multiple', 'truefalse', 'phrase'] as const;
/** single/multiple choice, true-or-false, and "pick the right standard phrase" (规范用语). */
export type QuizQuestionType = (typeof QUIZ_QUESTION_TYPES)[number];

export interface QuizOption {
  id: string;
  text: string;
}

export interface QuizQuestion {
  id: string;
  type: QuizQuestionType;
  prompt: string;
  options: readonly QuizOption[];
  /** Option ids of the correct answer; exactly one except for 'multiple'. Never sent to the browser before submission. */
  answer: readonly string[];
  explanation: string;
  /** Where the fact comes from, e.g. "seeds/002 三 8". */
  source: string;
}

/** What the browser may see while the quiz is open. */
export interface PublicQuizQuestion {
  id: string;
  type: QuizQuestionType;
  prompt: string;
  options: QuizOption[];
}

/**
 * Validates one question's internal consistency; question-bank loaders build on it.
 * Messages here are for content authors (they surface in CI), not for trainees.
 */
export const quizQuestionSchema = z
  .object({
    id: z.string().min(1),
    type: z.enum(QUIZ_QUESTION_TYPES),
    prompt: z.string().trim().min(1),
    options: z.array(z.object({ id: z.string().min(1), text: z.string().trim().min(1) })).min(2),
    answer: z.array(z.string().min(1)).min(1),
    explanation: z.string().trim().min(1),
    source: z.string().trim().min(1),
  })
  .superRefine((q, ctx) => {
    const optionIds = q.options.map((o) => o.id);
    if (new Set(optionIds).size !== optionIds.length) ctx.addIssue({ code: 'custom', path: ['options'], message: `question ${q.id}: duplicate option ids` });
    if (new Set(q.answer).size !== q.answer.length) ctx.addIssue({ code: 'custom', path: ['answer'], message: `question ${q.id}: duplicate answer ids` });
    for (const id of q.answer) {
      if (!optionIds.includes(id)) ctx.addIssue({ code: 'custom', path: ['answer'], message: `question ${q.id}: answer ${id} is not an option` });
    }
    if (q.type !== 'multiple' && q.answer.length !== 1) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: `question ${q.id}: a ${q.type} question has exactly one answer` });
    }
    if (q.type === 'truefalse' && q.options.length !== 2) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: `question ${q.id}: a truefalse question has exactly two options` });
    }
  });

export interface DrawQuizInput {
  bank: readonly QuizQuestion[];
  count: number;
  seed: string;
}

export interface DrawnQuiz {
  /** In the order shown to the trainee. */
  questionIds: string[];
  /** Per drawn question, its option ids in display order. */
  optionOrder: Record<string, string[]>;
  seed: string;
}

/**
 * Draws min(count, bank size) distinct questions, as evenly spread across question types as
 * the bank allows (round-robin over the types, whose order is itself seeded so no type
 * always gets the extra question), then shuffles question order and each question's options.
 * True/false options keep their authored order (对 before 错): shuffling them only confuses.
 *
 * Deterministic in (bank contents, count, seed) whatever order the bank is listed in; each
 * step uses its own sub-seed, so a question's option order doesn't depend on the others drawn.
 */
export function drawQuiz(input: DrawQuizInput): DrawnQuiz {
  const { count, seed } = input;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`drawQuiz: count must be a non-negative integer, got ${count}`);
  const bank = sortById(input.bank);

  const queues = new Map<QuizQuestionType, QuizQuestion[]>();
  for (const type of QUIZ_QUESTION_TYPES) {
    queues.set(type, shuffleSeeded(bank.filter((q) => q.type === type), `${seed}|pick|${type}`));
  }
  const typeOrder = shuffleSeeded(QUIZ_QUESTION_TYPES, `${seed}|types`);

  const picked: QuizQuestion[] = [];
  const target = Math.min(count, bank.length);
  while (picked.length < target) {
    for (const type of typeOrder) {
      if (picked.length >= target) break;
      const next = queues.get(type)?.shift();
      if (next) picked.push(next);
    }
  }

  const ordered = shuffleSeeded(picked, `${seed}|order`);
  const optionOrder: Record<string, string[]> = {};
  for (const q of ordered) {
    const ids = q.options.map((o) => o.id);
    optionOrder[q.id] = q.type === 'truefalse' ? ids : shuffleSeeded(ids, `${seed}|options|${q.id}`);
  }
  return { questionIds: ordered.map((q) => q.id), optionOrder, seed };
}

export interface QuizQuestionResult {
  questionId: string;
  correct: boolean;
  /** The trainee's choice, duplicates removed; [] when unanswered. */
  chosen: string[];
  answer: string[];
}

export interface QuizGrade {
  correct: number;
  total: number;
  /** 0..100, one decimal. */
  scorePercent: number;
  results: QuizQuestionResult[];
}

/**
 * Grades the drawn questions. A question is right only when the chosen set equals the
 * answer set exactly: for multiple choice, a missing or an extra option makes it wrong
 * (no partial credit). An unanswered question is wrong.
 */
export function gradeQuiz(input: {
  questions: readonly QuizQuestion[];
  answers: Readonly<Partial<Record<string, readonly string[]>>>;
}): QuizGrade {
  const results = input.questions.map((q): QuizQuestionResult => {
    const chosen = [...new Set(input.answers[q.id] ?? [])];
    const answer = [...q.answer];
    const expected = new Set(answer);
    const correct = chosen.length === expected.size && chosen.every((id) => expected.has(id));
    return { questionId: q.id, correct, chosen, answer };
  });
  const correct = results.filter((r) => r.correct).length;
  const total = results.length;
  const scorePercent = total === 0 ? 0 : Math.round((correct * 1000) / total) / 10;
  return { correct, total, scorePercent, results };
}

export function isQuizPassed(scorePercent: number, passMark: number): boolean {
  return scorePercent >= passMark;
}

/**
 * The question without its key. Built field by field (not by deleting from a copy) so a
 * field added to QuizQuestion later is not sent to the browser by accident.
 * With `optionOrder` (from drawQuiz), options come out in that order.
 */
export function toPublicQuestion(q: QuizQuestion, optionOrder?: readonly string[]): PublicQuizQuestion {
  let options = q.options.map((o) => ({ id: o.id, text: o.text }));
  if (optionOrder) {
    const byId = new Map(options.map((o) => [o.id, o]));
    if (optionOrder.length !== options.length || !optionOrder.every((id) => byId.has(id))) {
      throw new Error(`toPublicQuestion: optionOrder is not a permutation of question ${q.id}'s options`);
    }
    options = optionOrder.map((id) => byId.get(id) as QuizOption);
  }
  return { id: q.id, type: q.type, prompt: q.prompt, options };
}

/**
 * A submitted quiz: question id → chosen option id(s). Radio groups send a string, checkbox
 * groups an array; both come out as an array. Messages are i18n codes.
 */
export const quizAnswersSchema = z.record(
  z.string(),
  z
    .union([z.string(), z.array(z.string(), { error: 'quiz.invalidAnswer' })], { error: 'quiz.invalidAnswer' })
    .transform((v) => (typeof v === 'string' ? (v === '' ? [] : [v]) : v))
    .pipe(z.array(z.string()).max(20, { error: 'quiz.invalidAnswer' })),
  { error: 'quiz.invalidAnswers' },
);
export type QuizAnswers = z.output<typeof quizAnswersSchema>;

function sortById(bank: readonly QuizQuestion[]): QuizQuestion[] {
  const seen = new Set<string>();
  for (const q of bank) {
    if (seen.has(q.id)) throw new Error(`drawQuiz: duplicate question id ${q.id}`);
    seen.add(q.id);
  }
  return bank.slice().sort((a, b) => compareCodeUnits(a.id, b.id));
}
