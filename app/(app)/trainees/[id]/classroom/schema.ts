import { requestKey, requiredText, z } from '@/lib/validation';

/** A lead's waiver of one module for one trainee, with the reason that goes on record. */
export const waiveModuleSchema = z.object({
  traineeId: z.int().check(z.positive()),
  moduleId: z.string().check(z.minLength(1, 'validation.required'), z.maxLength(64)),
  reason: requiredText(500),
  requestKey,
});
export type WaiveModuleInput = z.input<typeof waiveModuleSchema>;
