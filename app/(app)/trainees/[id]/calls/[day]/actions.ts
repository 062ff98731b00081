'use server';

import { defineAction } from '@/lib/action';
import { drawDailySample, replaceDailySampleCall } from '@/lib/call-samples';
import { drawSampleSchema, replaceSampledCallSchema, type DrawSampleInput, type ReplaceSampledCallInput } from './schema';

const drawAction = defineAction(drawSampleSchema, ({ traineeId, day }, { actor, db }) =>
  drawDailySample(db, actor, { traineeId, day, nowMs: Date.now() }),
);

const replaceAction = defineAction(replaceSampledCallSchema, ({ traineeId, day, sampledCallId, reason }, { actor, db }) =>
  replaceDailySampleCall(db, actor, { traineeId, day, callId: Number(sampledCallId), reason, nowMs: Date.now() }),
);

export async function drawSampleAction(input: DrawSampleInput) {
  return drawAction(input);
}

export async function replaceSampledCallAction(input: ReplaceSampledCallInput) {
  return replaceAction(input);
}
