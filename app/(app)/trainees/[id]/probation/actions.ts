'use server';

import { defineAction } from '@/lib/action';
import { correctProbationSignOff, signOffProbation, submitProbationScore } from './handlers';
import { correctProbationSchema, probationScoreSchema, signOffSchema } from './schema';

const score = defineAction(probationScoreSchema, submitProbationScore);
const signOff = defineAction(signOffSchema, signOffProbation);
const correct = defineAction(correctProbationSchema, correctProbationSignOff);

export async function submitProbationScoreAction(input: Parameters<typeof score>[0]) {
  return score(input);
}

export async function signOffProbationAction(input: Parameters<typeof signOff>[0]) {
  return signOff(input);
}

export async function correctProbationSignOffAction(input: Parameters<typeof correct>[0]) {
  return correct(input);
}
