import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  drawQuiz,
  gradeQuiz,
  isQuizPassed,
  quizAnswersSchema,
  quizQuestionSchema,
  toPublicQuestion,
  type QuizQuestion,
  type QuizQuestionType,
} from './quiz';
import { shuffleSeeded } from './random';

function question(id: string, type: QuizQuestionType, answer: string[] = ['a'], optionCount = 4): QuizQuestion {
  const options =
    type === 'truefalse'
      ? [
          { id: 'true', text: '对' },
          { id: 'false', text: '错' },
        ]
      : Array.from({ length: optionCount }, (_, i) => ({ id: String.fromCharCode(97 + i), text: `选项${i + 1}` }));
  return {
    id,
    type,
    prompt: `题目 ${id}`,
    options,
    answer: type === 'truefalse' ? ['true'] : answer,
    explanation: '解析',
    source: 'seeds/002 三 3',
  };
}

/** 6 single, 4 multiple, 3 truefalse, 2 phrase. */
const BANK: QuizQuestion[] = [
  ...Array.from({ length: 6 }, (_, i) => question(`s${i}`, 'single')),
  ...Array.from({ length: 4 }, (_, i) => question(`m${i}`, 'multiple', ['a', 'c'])),
  ...Array.from({ length: 3 }, (_, i) => question(`t${i}`, 'truefalse')),
  ...Array.from({ length: 2 }, (_, i) => question(`p${i}`, 'phrase', ['b'])),
];
const byId = new Map(BANK.map((q) => [q.id, q]));

function typeCounts(ids: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const id of ids) {
    const type = byId.get(id)?.type ?? 'unknown';
    counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}

describe('drawQuiz', () => {
  it('is deterministic for a seed and independent of bank order', () => {
    const a = drawQuiz({ bank: BANK, count: 8, seed: 'quiz:trainee-1:module-2:attempt-1' });
    const b = drawQuiz({ bank: shuffleSeeded(BANK, 'reorder'), count: 8, seed: 'quiz:trainee-1:module-2:attempt-1' });
    expect(b).toEqual(a);
    const other = drawQuiz({ bank: BANK, count: 8, seed: 'quiz:trainee-1:module-2:attempt-2' });
    expect(other.questionIds).not.toEqual(a.questionIds);
  });

  it.each([
    // [count, expected type counts] — as even as the bank allows
    [4, { single: 1, multiple: 1, truefalse: 1, phrase: 1 }],
    [8, { single: 2, multiple: 2, truefalse: 2, phrase: 2 }],
    [11, { single: 3, multiple: 3, truefalse: 3, phrase: 2 }], // phrase runs out at 2
    [15, { single: 6, multiple: 4, truefalse: 3, phrase: 2 }], // the whole bank
  ])('balances %i questions across types', (count, expected) => {
    for (const seed of ['x', 'y', 'z']) {
      expect(typeCounts(drawQuiz({ bank: BANK, count, seed }).questionIds)).toEqual(expected);
    }
  });

  it('spreads an uneven count without always favouring the same type', () => {
    const extras = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const counts = typeCounts(drawQuiz({ bank: BANK, count: 5, seed: `uneven-${i}` }).questionIds);
      const extra = Object.entries(counts).find(([, n]) => n === 2)?.[0];
      if (extra) extras.add(extra);
    }
    expect(extras.size).toBeGreaterThan(1);
  });

  it('draws the whole bank when asked for more than it holds, and nothing for 0', () => {
    expect(drawQuiz({ bank: BANK, count: 100, seed: 's' }).questionIds).toHaveLength(BANK.length);
    expect(drawQuiz({ bank: BANK, count: 0, seed: 's' })).toEqual({ questionIds: [], optionOrder: {}, seed: 's' });
    expect(drawQuiz({ bank: [], count: 5, seed: 's' }).questionIds).toEqual([]);
  });

  it('never repeats a question, and option orders are permutations of the options', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.string(), (count, seed) => {
        const quiz = drawQuiz({ bank: BANK, count, seed });
        expect(new Set(quiz.questionIds).size).toBe(quiz.questionIds.length);
        expect(quiz.questionIds).toHaveLength(Math.min(count, BANK.length));
        expect(Object.keys(quiz.optionOrder).sort()).toEqual(quiz.questionIds.slice().sort());
        for (const id of quiz.questionIds) {
          const original = (byId.get(id)?.options ?? []).map((o) => o.id);
          expect(quiz.optionOrder[id]?.slice().sort()).toEqual(original.slice().sort());
        }
      }),
    );
  });

  it('shuffles options of choice questions but keeps 对/错 in order', () => {
    const orders = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const quiz = drawQuiz({ bank: BANK, count: BANK.length, seed: `opts-${i}` });
      orders.add(quiz.optionOrder.s0?.join('') ?? '');
      expect(quiz.optionOrder.t0).toEqual(['true', 'false']);
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it('refuses duplicate question ids and a bad count', () => {
    expect(() => drawQuiz({ bank: [...BANK, question('s0', 'single')], count: 3, seed: 's' })).toThrow(/duplicate/);
    expect(() => drawQuiz({ bank: BANK, count: -1, seed: 's' })).toThrow(RangeError);
  });
});

describe('gradeQuiz', () => {
  const questions = [byId.get('s0'), byId.get('m0'), byId.get('t0'), byId.get('p0')] as QuizQuestion[];

  it.each([
    // [case, answers, correct, scorePercent]
    ['all right', { s0: ['a'], m0: ['a', 'c'], t0: ['true'], p0: ['b'] }, 4, 100],
    ['multiple in another order is right', { s0: ['a'], m0: ['c', 'a'], t0: ['true'], p0: ['b'] }, 4, 100],
    ['multiple with a duplicate click is right', { s0: ['a'], m0: ['a', 'c', 'a'], t0: ['true'], p0: ['b'] }, 4, 100],
    ['multiple missing one option is wrong', { s0: ['a'], m0: ['a'], t0: ['true'], p0: ['b'] }, 3, 75],
    ['multiple with an extra option is wrong', { s0: ['a'], m0: ['a', 'b', 'c'], t0: ['true'], p0: ['b'] }, 3, 75],
    ['single with two choices is wrong', { s0: ['a', 'b'], m0: ['a', 'c'], t0: ['true'], p0: ['b'] }, 3, 75],
    ['unanswered is wrong', { s0: ['a'], m0: ['a', 'c'] }, 2, 50],
    ['empty answer is wrong', { s0: [], m0: ['a', 'c'], t0: ['true'], p0: ['b'] }, 3, 75],
    ['unknown option id is wrong', { s0: ['zz'], m0: ['a', 'c'], t0: ['false'], p0: ['b'] }, 2, 50],
    ['nothing answered', {}, 0, 0],
  ])('%s', (_name, answers, correct, scorePercent) => {
    const grade = gradeQuiz({ questions, answers });
    expect(grade.correct).toBe(correct);
    expect(grade.total).toBe(4);
    expect(grade.scorePercent).toBe(scorePercent);
  });

  it('reports each question with the chosen and correct options', () => {
    const grade = gradeQuiz({ questions: [byId.get('m0') as QuizQuestion], answers: { m0: ['a', 'a'] } });
    expect(grade.results).toEqual([{ questionId: 'm0', correct: false, chosen: ['a'], answer: ['a', 'c'] }]);
  });

  it('rounds the percentage to one decimal: 2/3 → 66.7', () => {
    const three = questions.slice(0, 3);
    expect(gradeQuiz({ questions: three, answers: { s0: ['a'], m0: ['a', 'c'] } }).scorePercent).toBe(66.7);
  });

  it('scores an empty quiz as 0', () => {
    expect(gradeQuiz({ questions: [], answers: {} })).toEqual({ correct: 0, total: 0, scorePercent: 0, results: [] });
  });
});

describe('isQuizPassed', () => {
  it.each([
    [80, 80, true],
    [79.9, 80, false],
    [100, 80, true],
    [0, 0, true],
  ])('%d against %d → %s', (score, passMark, expected) => {
    expect(isQuizPassed(score, passMark)).toBe(expected);
  });
});

describe('toPublicQuestion', () => {
  const q = byId.get('m1') as QuizQuestion;

  it('has no answer key or explanation', () => {
    const pub = toPublicQuestion(q);
    expect(Object.keys(pub).sort()).toEqual(['id', 'options', 'prompt', 'type']);
    expect(pub).not.toHaveProperty('answer');
    expect(pub).not.toHaveProperty('explanation');
    expect(pub).not.toHaveProperty('source');
    expect(JSON.stringify(pub)).not.toContain('解析');
  });

  it('does not leak extra fields added to a question later', () => {
    const withExtra = { ...q, answerHint: 'a, c', options: q.options.map((o) => ({ ...o, correct: true })) } as QuizQuestion;
    const json = JSON.stringify(toPublicQuestion(withExtra));
    expect(json).not.toContain('answerHint');
    expect(json).not.toContain('correct');
  });

  it('orders options as drawn', () => {
    const quiz = drawQuiz({ bank: BANK, count: BANK.length, seed: 'public' });
    const order = quiz.optionOrder[q.id] ?? [];
    expect(toPublicQuestion(q, order).options.map((o) => o.id)).toEqual(order);
  });

  it('refuses an option order that is not a permutation', () => {
    expect(() => toPublicQuestion(q, ['a', 'b'])).toThrow(/permutation/);
    expect(() => toPublicQuestion(q, ['a', 'b', 'c', 'x'])).toThrow(/permutation/);
  });
});

describe('quizQuestionSchema', () => {
  it('accepts well-formed questions of every type', () => {
    for (const q of [byId.get('s0'), byId.get('m0'), byId.get('t0'), byId.get('p0')]) {
      expect(quizQuestionSchema.safeParse(q).success).toBe(true);
    }
  });

  it.each([
    ['answer not an option', { ...question('x', 'single'), answer: ['z'] }],
    ['single with two answers', { ...question('x', 'single'), answer: ['a', 'b'] }],
    ['phrase with two answers', { ...question('x', 'phrase'), answer: ['a', 'b'] }],
    ['truefalse with three options', { ...question('x', 'truefalse'), options: [{ id: 'true', text: '对' }, { id: 'false', text: '错' }, { id: 'x', text: '?' }] }],
    ['duplicate option ids', { ...question('x', 'single'), options: [{ id: 'a', text: '1' }, { id: 'a', text: '2' }] }],
    ['no answer', { ...question('x', 'multiple'), answer: [] }],
    ['unknown type', { ...question('x', 'single'), type: 'essay' }],
  ])('refuses: %s', (_name, q) => {
    expect(quizQuestionSchema.safeParse(q).success).toBe(false);
  });
});

describe('quizAnswersSchema', () => {
  it('normalises radio strings and checkbox arrays to arrays', () => {
    expect(quizAnswersSchema.parse({ s0: 'a', m0: ['a', 'c'], t0: '' })).toEqual({ s0: ['a'], m0: ['a', 'c'], t0: [] });
  });

  it('refuses other shapes with a code', () => {
    const result = quizAnswersSchema.safeParse({ s0: 5 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('quiz.invalidAnswer');
  });
});
