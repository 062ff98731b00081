// Creating and revoking the telephony system's API tokens (admin only). The token is returned
// once, to be shown once; only its hash is kept.
import { findActiveApiTokenByName, insertApiToken, revokeApiToken } from '@/db/queries/api-tokens';
import { assertCanInOrg } from '@/lib/access';
import { generateApiToken, hashApiToken } from '@/lib/api-auth';
import type { ActionContext } from '@/lib/action';
import { AppError } from '@/lib/errors';
import type { z } from '@/lib/validation';
import type { createApiTokenSchema, revokeApiTokenSchema } from './schema';

export function createApiToken(input: z.output<typeof createApiTokenSchema>, { actor, db }: ActionContext): { id: number; name: string; token: string } {
  assertCanInOrg(actor, 'tokens.manage');
  const token = generateApiToken();
  // One active token per name: a double-clicked "create" can't leave an orphan token nobody saw.
  const created = db.transaction(
    (tx) => {
      if (findActiveApiTokenByName(tx, { orgId: actor.orgId, name: input.name })) throw new AppError('token_name_taken');
      return insertApiToken(tx, { orgId: actor.orgId, name: input.name, tokenHash: hashApiToken(token), createdBy: actor.userId });
    },
    { behavior: 'immediate' },
  );
  return { id: created.id, name: created.name, token };
}

export function revokeToken(input: z.output<typeof revokeApiTokenSchema>, { actor, db }: ActionContext, nowMs = Date.now()): { revoked: true } {
  assertCanInOrg(actor, 'tokens.manage');
  if (!revokeApiToken(db, { orgId: actor.orgId, tokenId: input.tokenId, at: nowMs })) throw new AppError('not_found');
  return { revoked: true };
}
