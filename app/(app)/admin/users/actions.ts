'use server';

import { defineAction } from '@/lib/action';
import { createStaffUser, resetPassword, setDisabled, updateUser } from './handlers';
import {
  createStaffUserSchema,
  resetPasswordSchema,
  setUserDisabledSchema,
  updateUserSchema,
  type CreateStaffUserInput,
  type ResetPasswordInput,
  type SetUserDisabledInput,
  type UpdateUserInput,
} from './schema';

const create = defineAction(createStaffUserSchema, createStaffUser);
const update = defineAction(updateUserSchema, updateUser);
const disable = defineAction(setUserDisabledSchema, setDisabled);
const reset = defineAction(resetPasswordSchema, resetPassword);

export async function createStaffUserAction(input: CreateStaffUserInput) {
  return create(input);
}

export async function updateUserAction(input: UpdateUserInput) {
  return update(input);
}

export async function setUserDisabledAction(input: SetUserDisabledInput) {
  return disable(input);
}

export async function resetPasswordAction(input: ResetPasswordInput) {
  return reset(input);
}
