import { describe, expect, it } from 'vitest';
import { findActiveApiToken, listApiTokens } from '@/db/queries/api-tokens';
import { hashApiToken } from '@/lib/api-auth';
import { AppError } from '@/lib/errors';
import { createCallsFixture } from '@/lib/test/calls-fixture';
import { createApiToken, revokeToken } from './handlers';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('API token handlers', () => {
  it('creates a token shown once (only its hash stored), refuses a second active one of the same name, and revokes', () => {
    const f = createCallsFixture();
    const ctx = { actor: f.actors.admin, db: f.db };
    const created = createApiToken({ name: '话务系统' }, ctx);
    expect(findActiveApiToken(f.db, { tokenHash: hashApiToken(created.token) })).toMatchObject({ id: created.id });
    expect(codeOf(() => createApiToken({ name: '话务系统' }, ctx))).toBe('token_name_taken');
    revokeToken({ tokenId: created.id }, ctx, 1000);
    expect(findActiveApiToken(f.db, { tokenHash: hashApiToken(created.token) })).toBeNull();
    // The name is free again once the old token is revoked.
    expect(createApiToken({ name: '话务系统' }, ctx).token).not.toBe(created.token);
    expect(listApiTokens(f.db, { orgId: f.orgId })).toHaveLength(2);
  });

  it('is for admins only', () => {
    const f = createCallsFixture();
    for (const who of [f.actors.lead, f.actors.mentor, f.actors.trainee]) {
      expect(codeOf(() => createApiToken({ name: 'x' }, { actor: who, db: f.db }))).toBe('not_found');
    }
    const created = createApiToken({ name: 'x' }, { actor: f.actors.admin, db: f.db });
    expect(codeOf(() => revokeToken({ tokenId: created.id }, { actor: f.actors.lead, db: f.db }))).toBe('not_found');
    expect(codeOf(() => revokeToken({ tokenId: 99_999 }, { actor: f.actors.admin, db: f.db }))).toBe('not_found');
  });
});
