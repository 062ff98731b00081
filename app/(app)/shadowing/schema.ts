import { isoDate, requestKey, requiredText, z } from '@/lib/validation';
import { RECORDING_CALL_TYPES } from './constants';

export { RECORDING_CALL_TYPES, type RecordingCallType } from './constants';

export const logRecordingSchema = z.object({
  day: isoDate,
  recordingRef: requiredText(300),
  agentName: requiredText(60),
  callType: z.pipe(requiredText(20), z.enum(RECORDING_CALL_TYPES)),
  wentWell: requiredText(1000),
  toLearn: requiredText(1000),
  requestKey,
});
export type LogRecordingInput = z.input<typeof logRecordingSchema>;

export const liveShadowingSchema = z.object({ day: isoDate, attended: z.boolean() });
export type LiveShadowingInput = z.input<typeof liveShadowingSchema>;

export const deleteRecordingSchema = z.object({ recordingId: z.int().check(z.positive()) });
export type DeleteRecordingInput = z.input<typeof deleteRecordingSchema>;
