'use server';

import { defineAction } from '@/lib/action';
import { logRecording, markLiveShadowing, removeRecording } from './handlers';
import {
  deleteRecordingSchema,
  liveShadowingSchema,
  logRecordingSchema,
  type DeleteRecordingInput,
  type LiveShadowingInput,
  type LogRecordingInput,
} from './schema';

const logRecordingAction = defineAction(logRecordingSchema, logRecording);
const deleteRecordingAction = defineAction(deleteRecordingSchema, removeRecording);
const liveShadowingAction = defineAction(liveShadowingSchema, markLiveShadowing);

export async function logRecordingFormAction(input: LogRecordingInput) {
  return logRecordingAction(input);
}

export async function deleteRecordingFormAction(input: DeleteRecordingInput) {
  return deleteRecordingAction(input);
}

export async function liveShadowingFormAction(input: LiveShadowingInput) {
  return liveShadowingAction(input);
}
