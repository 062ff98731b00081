// Demo classroom history: trainee9 (A) has read and passed every module but the last (one of them at
// the second try), so the last quiz completes the classroom; trainee10 (B) has just started and can
// test out of modules with placement quizzes. Deterministic for a given `today`.
import { eq } from 'drizzle-orm';
import { drawQuiz, type QuizQuestion } from '@/domain/quiz';
import { loadModules } from '@/lib/content/modules';
import { loadProgramContext, refreshTraineeStatus } from '@/lib/program';
import { trainees } from '../schema';
import { gradeQuizAttempt, markLessonComplete, startQuizAttempt } from '../queries/classroom';
import type { SeedContext } from './context';

const HOUR = 60 * 60 * 1000;

export function seedClassroom(ctx: SeedContext): void {
  const { tx, orgId, today } = ctx;
  const programCtx = loadProgramContext(tx, orgId);
  const modules = loadModules();
  const { questionCount, passMark } = programCtx.settings.classroom.quiz;
  const questionsById = new Map<string, QuizQuestion>(modules.flatMap((m) => m.questions.map((q) => [q.id, q] as const)));

  const trainee9 = ctx.traineeIds.get('trainee9');
  if (trainee9 !== undefined) {
    let clock = Date.parse(`${today}T00:00:00Z`) - 2 * 24 * HOUR;
    // Every module but the last, in order; service-skills needed a second attempt.
    for (const module of modules.slice(0, -1)) {
      for (const lesson of module.lessons) {
        clock += HOUR / 4;
        markLessonComplete(tx, { traineeId: trainee9, moduleId: module.id, lessonId: lesson.id, completedAt: clock });
      }
      const tries = module.id === 'service-skills' ? [3, 1] : [1];
      tries.forEach((wrong, i) => {
        clock += HOUR / 2;
        const drawn = drawQuiz({ bank: module.questions, count: questionCount, seed: `demo:trainee9:${module.id}:${i + 1}` });
        const { attempt } = startQuizAttempt(tx, { traineeId: trainee9, kind: 'module', moduleId: module.id, drawn, startedAt: clock, deadlineAt: null });
        const answers = answerSheet(drawn.questionIds, questionsById, wrong);
        gradeQuizAttempt(tx, { attemptId: attempt.id, submitted: answers, now: clock + HOUR / 4, questionsById, passMark });
      });
    }
  }

  for (const username of ['trainee9', 'trainee10']) {
    const id = ctx.traineeIds.get(username);
    const trainee = id === undefined ? undefined : tx.select().from(trainees).where(eq(trainees.id, id)).get();
    if (trainee) refreshTraineeStatus(tx, programCtx, trainee, today);
  }
}

/** The key's answers, except the first `wrong` questions answered with a wrong option. */
function answerSheet(questionIds: readonly string[], questionsById: ReadonlyMap<string, QuizQuestion>, wrong: number): Record<string, string[]> {
  return Object.fromEntries(
    questionIds.map((id, i) => {
      const q = questionsById.get(id) as QuizQuestion;
      if (i >= wrong) return [id, [...q.answer]];
      const other = q.options.find((o) => !q.answer.includes(o.id)) as { id: string };
      return [id, [other.id]];
    }),
  );
}
