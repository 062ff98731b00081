// Bearer tokens for the telephony system's calls API. A token is 32 random bytes; only its
// sha256 is stored, so a leaked database doesn't leak working tokens. Lookup is by the hash's
// unique index: an attacker can't steer which hash prefix they probe, so no constant-time
// comparison is needed on top.
import { createHash, randomBytes } from 'node:crypto';
import { findActiveApiToken } from '@/db/queries/api-tokens';
import type { DbOrTx } from '@/db/tx';

/** Lets a leaked token be recognised by secret scanners and by people. */
export const API_TOKEN_PREFIX = 'ccat_';

export function generateApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export type ApiAuthFailure = { ok: false; status: 401 | 403; code: 'missing_token' | 'invalid_token' | 'cross_origin' };
export type ApiAuthResult = { ok: true; orgId: number; tokenId: number } | ApiAuthFailure;

/**
 * A browser sends Origin on cross-site requests; a server-to-server client (the telephony
 * system, curl) usually sends none. A request carrying an Origin that isn't this app's own host
 * comes from someone's browser on another site and is refused, so a token pasted into a web
 * page can't be used from there.
 */
export function isCrossOriginRequest(headers: Headers): boolean {
  const origin = headers.get('origin');
  if (origin === null) return false;
  const ownHost = headers.get('x-forwarded-host') ?? headers.get('host');
  if (!ownHost) return true;
  try {
    return new URL(origin).host !== ownHost.split(',')[0]!.trim();
  } catch {
    // "Origin: null" (sandboxed frames, file://) and garbage are foreign by definition.
    return true;
  }
}

function bearerToken(headers: Headers): string | null {
  const header = headers.get('authorization');
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : '';
}

export function authenticateApiRequest(db: DbOrTx, headers: Headers): ApiAuthResult {
  if (isCrossOriginRequest(headers)) return { ok: false, status: 403, code: 'cross_origin' };
  const token = bearerToken(headers);
  if (token === null) return { ok: false, status: 401, code: 'missing_token' };
  if (token === '' || token.length > 200) return { ok: false, status: 401, code: 'invalid_token' };
  const found = findActiveApiToken(db, { tokenHash: hashApiToken(token) });
  if (!found) return { ok: false, status: 401, code: 'invalid_token' };
  return { ok: true, orgId: found.orgId, tokenId: found.id };
}
