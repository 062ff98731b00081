'use server';

import { defineAction } from '@/lib/action';
import { commentOnDrillScript, confirmShadowingDay, recordLiveListened } from './handlers';
import {
  commentDrillScriptSchema,
  confirmDaySchema,
  liveListenSchema,
  type CommentDrillScriptInput,
  type ConfirmDayInput,
  type LiveListenInput,
} from './schema';

const confirmDayAction = defineAction(confirmDaySchema, confirmShadowingDay);
const liveListenAction = defineAction(liveListenSchema, recordLiveListened);
const commentAction = defineAction(commentDrillScriptSchema, commentOnDrillScript);

export async function confirmDayFormAction(input: ConfirmDayInput) {
  return confirmDayAction(input);
}

export async function liveListenFormAction(input: LiveListenInput) {
  return liveListenAction(input);
}

export async function commentDrillScriptFormAction(input: CommentDrillScriptInput) {
  return commentAction(input);
}
