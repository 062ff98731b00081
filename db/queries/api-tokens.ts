// API tokens for the telephony integration. Only a sha256 of the token is stored; the token
// itself is shown once when it is created (lib/api-auth.ts makes and hashes it).
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../tx';
import { apiTokens, users } from '../schema';

export type ApiTokenListItem = {
  id: number;
  name: string;
  createdAt: number;
  createdByName: string | null;
  lastUsedAt: number | null;
  revokedAt: number | null;
};

export function insertApiToken(
  db: DbOrTx,
  params: { orgId: number; name: string; tokenHash: string; createdBy: number },
): { id: number; name: string; createdAt: number } {
  return db
    .insert(apiTokens)
    .values({ orgId: params.orgId, name: params.name, tokenHash: params.tokenHash, createdBy: params.createdBy })
    .returning({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt })
    .get();
}

export function listApiTokens(db: DbOrTx, params: { orgId: number }): ApiTokenListItem[] {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      createdAt: apiTokens.createdAt,
      createdByName: users.displayName,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .where(eq(apiTokens.orgId, params.orgId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .all();
}

/** The token a hash belongs to, only while it is not revoked. */
export function findActiveApiToken(db: DbOrTx, params: { tokenHash: string }): { id: number; orgId: number } | null {
  return (
    db
      .select({ id: apiTokens.id, orgId: apiTokens.orgId })
      .from(apiTokens)
      .where(and(eq(apiTokens.tokenHash, params.tokenHash), isNull(apiTokens.revokedAt)))
      .get() ?? null
  );
}

export function findActiveApiTokenByName(db: DbOrTx, params: { orgId: number; name: string }): { id: number } | null {
  return (
    db
      .select({ id: apiTokens.id })
      .from(apiTokens)
      .where(and(eq(apiTokens.orgId, params.orgId), eq(apiTokens.name, params.name), isNull(apiTokens.revokedAt)))
      .get() ?? null
  );
}

/** Revokes once: a second revoke keeps the first instant. Returns false when no such token exists in the org. */
export function revokeApiToken(db: DbOrTx, params: { orgId: number; tokenId: number; at: number }): boolean {
  const token = db
    .select({ id: apiTokens.id, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.id, params.tokenId), eq(apiTokens.orgId, params.orgId)))
    .get();
  if (!token) return false;
  if (token.revokedAt === null) {
    db.update(apiTokens).set({ revokedAt: params.at }).where(eq(apiTokens.id, token.id)).run();
  }
  return true;
}

export function touchApiToken(db: DbOrTx, params: { tokenId: number; at: number }): void {
  db.update(apiTokens).set({ lastUsedAt: params.at }).where(eq(apiTokens.id, params.tokenId)).run();
}
