import { isoDate, requiredText, z } from '@/lib/validation';

const traineeId = z.number().int().positive();

/** liveShadowing is sent only for days whose rules include live shadowing (shadowing stage). */
export const confirmDaySchema = z.object({ traineeId, day: isoDate, liveShadowing: z.boolean().optional() });
export type ConfirmDayInput = z.input<typeof confirmDaySchema>;

// The count arrives as the text of a number field, so an empty field reads "required", not 0.
export const MAX_LIVE_LISTENED_PER_DAY = 500;
export const liveListenSchema = z.object({
  traineeId,
  day: isoDate,
  callsLiveListened: requiredText(4)
    .pipe(z.string().regex(/^\d+$/, 'floor.validation.wholeNumber'))
    .transform(Number)
    .pipe(z.number().int().min(0).max(MAX_LIVE_LISTENED_PER_DAY)),
});
export type LiveListenInput = z.input<typeof liveListenSchema>;

export const commentDrillScriptSchema = z.object({ scriptId: z.number().int().positive(), comment: requiredText(2000) });
export type CommentDrillScriptInput = z.input<typeof commentDrillScriptSchema>;
