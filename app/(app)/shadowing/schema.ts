import { isoDate, requestKey, requiredText, z } from '@/lib/validation';

/** What kind of call the shadowed recording was; worded in messages floor.callTypes. */
export const RECORDING_CALL_TYPES = ['consultation', 'business', 'fault', 'complaint', 'collection', 'other'] as const;
export type RecordingCallType = (typeof RECORDING_CALL_TYPES)[number];

export const logRecordingSchema = z.object({
  day: isoDate,
  recordingRef: requiredText(300),
  agentName: requiredText(60),
  callType: requiredText(20).pipe(z.enum(RECORDING_CALL_TYPES)),
  wentWell: requiredText(1000),
  toLearn: requiredText(1000),
  requestKey,
});
export type LogRecordingInput = z.input<typeof logRecordingSchema>;

export const liveShadowingSchema = z.object({ day: isoDate, attended: z.boolean() });
export type LiveShadowingInput = z.input<typeof liveShadowingSchema>;

export const deleteRecordingSchema = z.object({ recordingId: z.number().int().positive() });
export type DeleteRecordingInput = z.input<typeof deleteRecordingSchema>;
