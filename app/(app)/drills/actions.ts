'use server';

import { defineAction } from '@/lib/action';
import { submitDrillScript } from './handlers';
import { submitDrillScriptSchema, type SubmitDrillScriptInput } from './schema';

const submitAction = defineAction(submitDrillScriptSchema, submitDrillScript);

export async function submitDrillScriptFormAction(input: SubmitDrillScriptInput) {
  return submitAction(input);
}
