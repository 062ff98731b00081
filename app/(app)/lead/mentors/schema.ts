import { requiredText, z } from '@/lib/validation';

export const reassignMentorSchema = z.object({
  traineeId: z.number().int().positive(),
  mentorId: z
    .string()
    .regex(/^[1-9]\d{0,9}$/, 'enrol.validation.pickMentor')
    .transform(Number),
  reason: requiredText(500),
});
export type ReassignMentorInput = z.input<typeof reassignMentorSchema>;
