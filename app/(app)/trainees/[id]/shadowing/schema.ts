import { isoDate, requiredText, z } from '@/lib/validation';

const traineeId = z.int().check(z.positive());

/** liveShadowing is sent only for days whose rules include live shadowing (shadowing stage). */
export const confirmDaySchema = z.object({ traineeId, day: isoDate, liveShadowing: z.optional(z.boolean()) });
export type ConfirmDayInput = z.input<typeof confirmDaySchema>;

// The count arrives as the text of a number field, so an empty field reads "required", not 0.
export const MAX_LIVE_LISTENED_PER_DAY = 500;
export const liveListenSchema = z.object({
  traineeId,
  day: isoDate,
  callsLiveListened: z.pipe(
    z.pipe(z.pipe(requiredText(4), z.string().check(z.regex(/^\d+$/, 'floor.validation.wholeNumber'))), z.transform(Number)),
    z.int().check(z.gte(0), z.lte(MAX_LIVE_LISTENED_PER_DAY)),
  ),
});
export type LiveListenInput = z.input<typeof liveListenSchema>;

export const commentDrillScriptSchema = z.object({ scriptId: z.int().check(z.positive()), comment: requiredText(2000) });
export type CommentDrillScriptInput = z.input<typeof commentDrillScriptSchema>;
