'use server';

import { defineAction } from '@/lib/action';
import { reassignTraineeMentor } from './handlers';
import { reassignMentorSchema, type ReassignMentorInput } from './schema';

const reassign = defineAction(reassignMentorSchema, reassignTraineeMentor);

export async function reassignMentorAction(input: ReassignMentorInput) {
  return reassign(input);
}
