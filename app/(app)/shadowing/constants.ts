// Zod-free so the recording form can list the call types without loading its schema up front.

/** What kind of call the shadowed recording was; worded in messages floor.callTypes. */
export const RECORDING_CALL_TYPES = ['consultation', 'business', 'fault', 'complaint', 'collection', 'other'] as const;
export type RecordingCallType = (typeof RECORDING_CALL_TYPES)[number];
