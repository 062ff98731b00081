// Inputs of the classroom's server actions. The quiz form builds these objects itself (radio and
// checkbox state, no free text), so there is no react-hook-form here; the waiver form has its own schema.
import { QUIZ_KINDS } from '@/domain/classroom';
import { quizAnswersSchema } from '@/domain/quiz';
import { z } from '@/lib/validation';

const contentId = z.string().check(z.regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'validation.invalid'), z.maxLength(64));
const attemptId = z.int().check(z.positive());

export const moduleStateSchema = z.object({ moduleId: contentId });
export type ModuleStateInput = z.input<typeof moduleStateSchema>;

export const completeLessonSchema = z.object({ moduleId: contentId, lessonId: contentId });
export type CompleteLessonInput = z.input<typeof completeLessonSchema>;

export const startAttemptSchema = z
  .object({ kind: z.enum(QUIZ_KINDS), moduleId: z.optional(contentId) })
  .check(z.refine((v) => v.kind === 'exam' || v.moduleId !== undefined, { path: ['moduleId'], message: 'validation.required' }));
export type StartAttemptInput = z.input<typeof startAttemptSchema>;

export const saveAnswersSchema = z.object({ attemptId, answers: quizAnswersSchema });
export type SaveAnswersInput = z.input<typeof saveAnswersSchema>;

export const submitAttemptSchema = saveAnswersSchema;
export type SubmitAttemptInput = z.input<typeof submitAttemptSchema>;
