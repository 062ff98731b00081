'use server';

import { defineAction } from '@/lib/action';
import { createApiToken, revokeToken } from './handlers';
import { createApiTokenSchema, revokeApiTokenSchema, type CreateApiTokenInput, type RevokeApiTokenInput } from './schema';

const createAction = defineAction(createApiTokenSchema, createApiToken);
const revokeAction = defineAction(revokeApiTokenSchema, (input, ctx) => revokeToken(input, ctx));

export async function createApiTokenAction(input: CreateApiTokenInput) {
  return createAction(input);
}

export async function revokeApiTokenAction(input: RevokeApiTokenInput) {
  return revokeAction(input);
}
