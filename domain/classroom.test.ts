import { describe, expect, it } from 'vitest';
import {
  answersForPaper,
  answersToGrade,
  buildQuizFormProps,
  canLeadWaiveModule,
  DEADLINE_GRACE_MS,
  examQuestionPool,
  examState,
  gradePaper,
  isAttemptExpired,
  isAttemptOpen,
  isClassroomComplete,
  isClassroomStageRecorded,
  moduleQuizState,
  outstandingModuleIds,
  passedModuleIds,
  placementState,
  requiredModuleIds,
  waivedModuleIds,
  type AttemptFacts,
} from './classroom';
import type { ProgramEvent } from './events';
import { drawQuiz, type QuizQuestion } from './quiz';

const MODULES = [
  { id: 'dept-intro', requiredFor: ['A', 'B'] as const },
  { id: 'basics', requiredFor: ['A'] as const },
  { id: 'advanced', requiredFor: ['B'] as const },
  { id: 'optional', requiredFor: [] as const },
];

function question(id: string, type: QuizQuestion['type'] = 'single', answer = ['a']): QuizQuestion {
  return {
    id,
    type,
    prompt: `题目 ${id}`,
    options: [
      { id: 'a', text: `甲 ${id}` },
      { id: 'b', text: `乙 ${id}` },
      { id: 'c', text: `丙 ${id}` },
    ],
    answer,
    explanation: `解析 ${id}：因为所以`,
    source: 'seeds/002 三 3',
  };
}

let nextId = 1;
function attempt(partial: Partial<AttemptFacts>): AttemptFacts {
  return {
    id: nextId++,
    kind: 'module',
    moduleId: 'basics',
    startedAt: 1_000,
    deadlineAt: null,
    submittedAt: 2_000,
    scorePercent: 50,
    passed: false,
    ...partial,
  };
}

function event(partial: Pick<ProgramEvent, 'kind' | 'payload'> & Partial<ProgramEvent>): ProgramEvent {
  return { id: nextId++, effectiveDate: '2026-11-02', reason: null, createdAt: 1, ...partial } as ProgramEvent;
}

describe('which modules a class must do', () => {
  it('takes the modules whose requiredFor names the class, in content order', () => {
    expect(requiredModuleIds(MODULES, 'A')).toEqual(['dept-intro', 'basics']);
    expect(requiredModuleIds(MODULES, 'B')).toEqual(['dept-intro', 'advanced']);
  });
});

describe('isClassroomComplete', () => {
  const requiredModuleIds = ['dept-intro', 'basics', 'etiquette'];

  it('is complete when every required module is passed', () => {
    expect(isClassroomComplete({ requiredModuleIds, passedModuleIds: ['etiquette', 'basics', 'dept-intro'], waivedModuleIds: [] })).toBe(true);
  });

  it('counts a waived module as done and ignores modules that are not required', () => {
    expect(isClassroomComplete({ requiredModuleIds, passedModuleIds: ['dept-intro', 'optional'], waivedModuleIds: ['basics', 'etiquette'] })).toBe(true);
  });

  it('is not complete while one required module is neither passed nor waived', () => {
    const input = { requiredModuleIds, passedModuleIds: ['dept-intro', 'optional'], waivedModuleIds: ['basics'] };
    expect(isClassroomComplete(input)).toBe(false);
    expect(outstandingModuleIds(input)).toEqual(['etiquette']);
  });

  it('a class with nothing required has nothing outstanding', () => {
    expect(isClassroomComplete({ requiredModuleIds: [], passedModuleIds: [], waivedModuleIds: [] })).toBe(true);
  });
});

describe('passes and waivers', () => {
  it('a module is passed by a passed module quiz only (a placement pass is a waiver, an open attempt nothing)', () => {
    const attempts = [
      attempt({ moduleId: 'basics', passed: true, scorePercent: 90 }),
      attempt({ moduleId: 'dept-intro', passed: false }),
      attempt({ kind: 'placement', moduleId: 'etiquette', passed: true, scorePercent: 90 }),
      attempt({ moduleId: 'complaints', submittedAt: null, passed: null, scorePercent: null }),
    ];
    expect(passedModuleIds(attempts)).toEqual(['basics']);
  });

  it('reads waivers and the recorded completion from the events in force', () => {
    const events = [
      event({ kind: 'module_waived', payload: { moduleId: 'basics', via: 'placement_quiz' } }),
      event({ kind: 'module_waived', payload: { moduleId: 'etiquette', via: 'lead' }, reason: '已有同类经验' }),
    ];
    expect(waivedModuleIds(events)).toEqual(['basics', 'etiquette']);
    expect(isClassroomStageRecorded(events)).toBe(false);
    expect(isClassroomStageRecorded([event({ kind: 'stage_completed', payload: { stage: 'classroom' } })])).toBe(true);
    expect(isClassroomStageRecorded([event({ kind: 'stage_completed', payload: { stage: 'shadowing' } })])).toBe(false);
    expect(
      isClassroomStageRecorded([event({ kind: 'override', payload: { action: 'complete_stage', stage: 'classroom' }, reason: '主管决定' })]),
    ).toBe(true);
  });
});

describe('moduleQuizState', () => {
  const base = { moduleId: 'basics', attemptLimit: 3, waived: false, now: 10_000 };

  it('is available with every attempt left before the first try', () => {
    expect(moduleQuizState({ ...base, attempts: [] })).toMatchObject({ status: 'available', attemptsUsed: 0, attemptsLeft: 3 });
  });

  it('resumes the open attempt and counts it as used', () => {
    const open = attempt({ submittedAt: null, passed: null, scorePercent: null });
    expect(moduleQuizState({ ...base, attempts: [open] })).toMatchObject({ status: 'in_progress', openAttemptId: open.id, attemptsLeft: 2 });
  });

  it('reaches the limit after the configured number of failed attempts; other modules and kinds do not count', () => {
    const failed = [attempt({ scorePercent: 40 }), attempt({ scorePercent: 70 }), attempt({ scorePercent: 60 })];
    const noise = [attempt({ moduleId: 'dept-intro' }), attempt({ kind: 'placement' })];
    const state = moduleQuizState({ ...base, attempts: [...failed, ...noise] });
    expect(state).toMatchObject({ status: 'limit_reached', attemptsUsed: 3, attemptsLeft: 0, bestScorePercent: 70 });
    expect(state.lastGradedAttemptId).toBe(failed[2]!.id);
    expect(moduleQuizState({ ...base, attemptLimit: 4, attempts: failed }).status).toBe('available');
  });

  it('a pass wins over the limit, and a waiver over everything', () => {
    const attempts = [attempt({}), attempt({}), attempt({ passed: true, scorePercent: 80 })];
    expect(moduleQuizState({ ...base, attempts }).status).toBe('passed');
    expect(moduleQuizState({ ...base, attempts, waived: true }).status).toBe('waived');
  });
});

describe('placementState', () => {
  it('is open to B only, once per module, while the module is not done', () => {
    expect(placementState({ traineeClass: 'B', moduleId: 'basics', attempts: [], moduleStatus: 'available' }).available).toBe(true);
    expect(placementState({ traineeClass: 'A', moduleId: 'basics', attempts: [], moduleStatus: 'available' }).available).toBe(false);
    expect(placementState({ traineeClass: 'B', moduleId: 'basics', attempts: [], moduleStatus: 'passed' }).available).toBe(false);
    const failed = attempt({ kind: 'placement', scorePercent: 60 });
    const state = placementState({ traineeClass: 'B', moduleId: 'basics', attempts: [failed], moduleStatus: 'available' });
    expect(state).toEqual({ available: false, openAttemptId: null, taken: { attemptId: failed.id, passed: false, scorePercent: 60 } });
  });

  it('points to an open placement attempt', () => {
    const open = attempt({ kind: 'placement', submittedAt: null, passed: null, scorePercent: null });
    expect(placementState({ traineeClass: 'B', moduleId: 'basics', attempts: [open], moduleStatus: 'available' }).openAttemptId).toBe(open.id);
  });
});

describe('canLeadWaiveModule', () => {
  it('B at any time until the module is done; A only once the attempt limit is used up', () => {
    expect(canLeadWaiveModule({ traineeClass: 'B', status: 'available' })).toBe(true);
    expect(canLeadWaiveModule({ traineeClass: 'B', status: 'passed' })).toBe(false);
    expect(canLeadWaiveModule({ traineeClass: 'B', status: 'waived' })).toBe(false);
    expect(canLeadWaiveModule({ traineeClass: 'A', status: 'available' })).toBe(false);
    expect(canLeadWaiveModule({ traineeClass: 'A', status: 'in_progress' })).toBe(false);
    expect(canLeadWaiveModule({ traineeClass: 'A', status: 'limit_reached' })).toBe(true);
  });
});

describe('examState', () => {
  it('opens once the classroom is complete, and not for an exited trainee', () => {
    expect(examState({ classroomComplete: false, exited: false, attempts: [] })).toEqual({ status: 'not_yet', reason: 'classroom_incomplete' });
    expect(examState({ classroomComplete: true, exited: true, attempts: [] })).toEqual({ status: 'not_yet', reason: 'exited' });
    expect(examState({ classroomComplete: true, exited: false, attempts: [] })).toMatchObject({ status: 'available', attemptsTaken: 0 });
  });

  it('resumes an open paper, keeps the best score after a failure, and closes once passed', () => {
    const failed = attempt({ kind: 'exam', moduleId: null, scorePercent: 65 });
    const open = attempt({ kind: 'exam', moduleId: null, submittedAt: null, passed: null, scorePercent: null, deadlineAt: 99 });
    expect(examState({ classroomComplete: true, exited: false, attempts: [failed, open] })).toEqual({ status: 'in_progress', attemptId: open.id, deadlineAt: 99 });
    expect(examState({ classroomComplete: true, exited: false, attempts: [failed] })).toMatchObject({ status: 'available', bestScorePercent: 65, lastAttemptId: failed.id });
    const passed = attempt({ kind: 'exam', moduleId: null, scorePercent: 85, passed: true });
    expect(examState({ classroomComplete: true, exited: false, attempts: [failed, passed] })).toEqual({ status: 'passed', bestScorePercent: 85, lastAttemptId: passed.id });
  });
});

describe('deadlines', () => {
  it('an untimed attempt stays open until graded; a timed one closes after its deadline and the grace', () => {
    expect(isAttemptOpen({ submittedAt: null, deadlineAt: null }, 1e12)).toBe(true);
    expect(isAttemptOpen({ submittedAt: 5, deadlineAt: null }, 1)).toBe(false);
    expect(isAttemptOpen({ submittedAt: null, deadlineAt: 1_000 }, 1_000 + DEADLINE_GRACE_MS)).toBe(true);
    expect(isAttemptExpired({ submittedAt: null, deadlineAt: 1_000 }, 1_001 + DEADLINE_GRACE_MS)).toBe(true);
    expect(isAttemptExpired({ submittedAt: 2_000, deadlineAt: 1_000 }, 1e12)).toBe(false);
  });

  it('grades a late submission on the answers saved in time, an on-time one on what was sent', () => {
    const stored = { submittedAt: null, deadlineAt: 1_000, answers: { q1: ['a'] } };
    expect(answersToGrade({ attempt: stored, submitted: { q1: ['b'], q2: ['a'] }, now: 900 })).toEqual({ answers: { q1: ['b'], q2: ['a'] }, timedOut: false });
    expect(answersToGrade({ attempt: stored, submitted: { q1: ['b'], q2: ['a'] }, now: 1_001 + DEADLINE_GRACE_MS })).toEqual({
      answers: { q1: ['a'] },
      timedOut: true,
    });
    expect(answersToGrade({ attempt: { ...stored, deadlineAt: null }, submitted: null, now: 5 }).answers).toEqual({ q1: ['a'] });
  });
});

describe('papers and grading', () => {
  const bank = [question('q1'), question('q2', 'multiple', ['a', 'b']), question('q3'), question('q4')];
  const byId = new Map(bank.map((q) => [q.id, q]));

  it('keeps only answers that fit the paper', () => {
    const paper = new Map(bank.slice(0, 2).map((q) => [q.id, q]));
    expect(answersForPaper({ q1: ['a', 'b'], q2: ['b', 'a', 'a', 'z'], q9: ['a'], q3: ['a'] }, paper)).toEqual({ q2: ['b', 'a'] });
  });

  it('grades the stored paper; a question removed from the bank since the draw counts neither way', () => {
    const graded = gradePaper({ questionIds: ['q1', 'q2', 'gone'], questionsById: byId, answers: { q1: ['a'], q2: ['a'] }, passMark: 50 });
    expect(graded).toMatchObject({ correct: 1, total: 2, scorePercent: 50, passed: true });
    expect(gradePaper({ questionIds: ['gone'], questionsById: byId, answers: {}, passMark: 0 }).passed).toBe(false);
  });

  it('puts the exam pool together without repeating a prompt', () => {
    const twin = { ...question('q9'), prompt: '题目 q1。' };
    expect(examQuestionPool([...bank, twin]).map((q) => q.id)).toEqual(['q1', 'q2', 'q3', 'q4']);
  });
});

describe('buildQuizFormProps: what the browser receives for an open attempt', () => {
  const bank = [question('q1'), question('q2', 'multiple', ['a', 'c']), question('q3')];
  const byId = new Map(bank.map((q) => [q.id, q]));
  const drawn = drawQuiz({ bank, count: 3, seed: 'props-test' });
  const attemptRow = {
    id: 7,
    kind: 'module' as const,
    questionIds: drawn.questionIds,
    optionOrder: drawn.optionOrder,
    answers: { q1: ['b'], q2: ['a', 'x'], unknown: ['a'] },
    deadlineAt: null,
  };

  it('carries no answer key, explanation or source, in any field', () => {
    const props = buildQuizFormProps(attemptRow, byId);
    const json = JSON.stringify(props);
    expect(json).not.toContain('"answer"');
    expect(json).not.toContain('explanation');
    expect(json).not.toContain('source');
    for (const q of bank) expect(json).not.toContain(q.explanation);
    for (const q of props.questions) expect(Object.keys(q).sort()).toEqual(['id', 'options', 'prompt', 'type']);
  });

  it('keeps the drawn order of questions and options and the saved answers that fit', () => {
    const props = buildQuizFormProps(attemptRow, byId);
    expect(props.questions.map((q) => q.id)).toEqual(drawn.questionIds);
    for (const q of props.questions) expect(q.options.map((o) => o.id)).toEqual(drawn.optionOrder[q.id]);
    expect(props.saved).toEqual({ q1: ['b'], q2: ['a'] });
    expect(props).toMatchObject({ attemptId: 7, kind: 'module', deadlineAt: null });
  });

  it('survives a bank edited since the draw: removed questions are left out, changed options shown as authored', () => {
    const edited = new Map(byId);
    edited.delete('q3');
    edited.set('q1', { ...question('q1'), options: [...question('q1').options, { id: 'd', text: '丁' }] });
    const props = buildQuizFormProps(attemptRow, edited);
    expect(props.questions.map((q) => q.id)).toEqual(drawn.questionIds.filter((id) => id !== 'q3'));
    expect(props.questions.find((q) => q.id === 'q1')?.options.map((o) => o.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});
