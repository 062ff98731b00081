import { requiredText, z } from '@/lib/validation';

export const reassignMentorSchema = z.object({
  traineeId: z.int().check(z.positive()),
  mentorId: z.pipe(z.string().check(z.regex(/^[1-9]\d{0,9}$/, 'enrol.validation.pickMentor')), z.transform(Number)),
  reason: requiredText(500),
});
export type ReassignMentorInput = z.input<typeof reassignMentorSchema>;
