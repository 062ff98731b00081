'use server';

import { revalidatePath } from 'next/cache';
import { loadTraineeFor } from '@/lib/access';
import { defineAction } from '@/lib/action';
import { waiveModuleByLead } from '@/lib/classroom';
import { loadProgramContext } from '@/lib/program';
import { waiveModuleSchema } from './schema';

export const waiveModuleAction = defineAction(waiveModuleSchema, (input, { actor, db }) => {
  const trainee = loadTraineeFor(db, actor, input.traineeId, 'module.waive');
  const ctx = loadProgramContext(db, actor.orgId);
  const { duplicate } = waiveModuleByLead(db, {
    ctx,
    trainee,
    moduleId: input.moduleId,
    reason: input.reason,
    actorId: actor.userId,
    requestKey: input.requestKey,
    now: Date.now(),
  });
  revalidatePath(`/trainees/${trainee.id}/classroom`);
  return { duplicate };
});
