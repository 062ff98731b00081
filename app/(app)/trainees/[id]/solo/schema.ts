// The solo week's result forms: a lead confirms the computed result, or records another one (or
// one before the week is over) with a reason; a recorded result is corrected, never edited.
import { isoDate, requestKey, requiredText, z } from '@/lib/validation';
import { SOLO_RESULTS } from './constants';

export { SOLO_RESULTS };

const traineeId = z.coerce.number().check(z.int(), z.positive());
const result = z.enum(SOLO_RESULTS);
export const REASON_MAX = 1000;

/** blockStart names the week the lead was looking at: a result is never recorded against another one. */
export const confirmSoloSchema = z.object({ traineeId, blockStart: isoDate, result, requestKey });
export type ConfirmSoloInput = z.input<typeof confirmSoloSchema>;

export const overrideSoloSchema = z.object({ traineeId, blockStart: isoDate, result, reason: requiredText(REASON_MAX), requestKey });
export type OverrideSoloInput = z.input<typeof overrideSoloSchema>;

export const correctSoloSchema = z.object({
  traineeId,
  eventId: z.coerce.number().check(z.int(), z.positive()),
  result,
  reason: requiredText(REASON_MAX),
  requestKey,
});
export type CorrectSoloInput = z.input<typeof correctSoloSchema>;
