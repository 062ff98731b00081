'use server';

import { defineAction } from '@/lib/action';
import { createDrillGroup, removeDrillGroup } from './handlers';
import {
  createDrillGroupSchema,
  deleteDrillGroupSchema,
  type CreateDrillGroupInput,
  type DeleteDrillGroupInput,
} from './schema';

const createAction = defineAction(createDrillGroupSchema, createDrillGroup);
const deleteAction = defineAction(deleteDrillGroupSchema, removeDrillGroup);

export async function createDrillGroupFormAction(input: CreateDrillGroupInput) {
  return createAction(input);
}

export async function deleteDrillGroupFormAction(input: DeleteDrillGroupInput) {
  return deleteAction(input);
}
