import { describe, expect, it } from 'vitest';
import { generateApiToken, hashApiToken } from '@/lib/api-auth';
import { createTestDb } from '@/lib/test/db';
import { apiTokens, organisations, users } from '../schema';
import { findActiveApiToken, insertApiToken, listApiTokens, revokeApiToken, touchApiToken } from './api-tokens';

describe('api token queries', () => {
  const db = createTestDb();
  const org = db.insert(organisations).values({ name: 'A' }).returning().get();
  const other = db.insert(organisations).values({ name: 'B' }).returning().get();
  const admin = db.insert(users).values({ orgId: org.id, username: 'adm', displayName: '管理员', passwordHash: 'x' }).returning().get();

  it('stores only the hash and finds the token by it until it is revoked, once', () => {
    const token = generateApiToken();
    const created = insertApiToken(db, { orgId: org.id, name: '话务系统', tokenHash: hashApiToken(token), createdBy: admin.id });
    const stored = db.select().from(apiTokens).all();
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(findActiveApiToken(db, { tokenHash: hashApiToken(token) })).toEqual({ id: created.id, orgId: org.id });

    touchApiToken(db, { tokenId: created.id, at: 1234 });
    expect(listApiTokens(db, { orgId: org.id })[0]).toMatchObject({ name: '话务系统', createdByName: '管理员', lastUsedAt: 1234, revokedAt: null });

    // Another organisation's admin can't revoke it.
    expect(revokeApiToken(db, { orgId: other.id, tokenId: created.id, at: 5000 })).toBe(false);
    expect(revokeApiToken(db, { orgId: org.id, tokenId: created.id, at: 5000 })).toBe(true);
    expect(revokeApiToken(db, { orgId: org.id, tokenId: created.id, at: 9000 })).toBe(true);
    expect(listApiTokens(db, { orgId: org.id })[0]?.revokedAt).toBe(5000);
    expect(findActiveApiToken(db, { tokenHash: hashApiToken(token) })).toBeNull();
    expect(listApiTokens(db, { orgId: other.id })).toEqual([]);
  });

  it('makes distinct, prefixed tokens', () => {
    const a = generateApiToken();
    const b = generateApiToken();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^ccat_[A-Za-z0-9_-]{43}$/);
    expect(hashApiToken(a)).toMatch(/^[0-9a-f]{64}$/);
  });
});
