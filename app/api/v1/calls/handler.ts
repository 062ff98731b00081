// POST /api/v1/calls: the telephony system pushes a trainee's calls. Authenticated by an API
// token (Authorization: Bearer …) an admin created; scoped to that token's organisation; the
// body is validated whole and written in one transaction, or not at all.
import type { Db } from '@/db/client';
import { touchApiToken } from '@/db/queries/api-tokens';
import { authenticateApiRequest } from '@/lib/api-auth';
import { CALL_FIELDS, CALL_IMPORT_LIMITS, importCalls, validateCallRows, type CallField, type CallRowIssue } from '@/lib/calls-import';
import { loadProgramContext } from '@/lib/program';
import { z } from '@/lib/validation';

const bodySchema = z.object({
  calls: z.array(z.record(z.string(), z.unknown())).check(z.minLength(1), z.maxLength(CALL_IMPORT_LIMITS.maxRows)),
});

type ApiIssue = { index: number; field: CallField | null; code: string };

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

function toApiIssues(issues: readonly CallRowIssue[]): ApiIssue[] {
  return issues.map((i) => ({ index: i.row, field: i.field, code: i.code }));
}

export async function handleCallsImport(db: Db, request: Request, nowMs: number): Promise<Response> {
  const auth = authenticateApiRequest(db, request.headers);
  if (!auth.ok) {
    return json(auth.status, { error: auth.code }, auth.status === 401 ? { 'www-authenticate': 'Bearer realm="calls"' } : {});
  }
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) {
    return json(415, { error: 'unsupported_media_type' });
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > CALL_IMPORT_LIMITS.maxApiBodyBytes) return json(413, { error: 'body_too_large', maxBytes: CALL_IMPORT_LIMITS.maxApiBodyBytes });
  const text = await request.text();
  if (Buffer.byteLength(text, 'utf8') > CALL_IMPORT_LIMITS.maxApiBodyBytes) {
    return json(413, { error: 'body_too_large', maxBytes: CALL_IMPORT_LIMITS.maxApiBodyBytes });
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return json(400, { error: 'invalid_json' });
  }
  const shape = bodySchema.safeParse(body);
  if (!shape.success) {
    return json(400, { error: 'invalid_request', issues: shape.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code })) });
  }

  const { timeZone } = loadProgramContext(db, auth.orgId);
  const raw = shape.data.calls.map((values, index) => ({
    row: index,
    values: Object.fromEntries(CALL_FIELDS.map((f) => [f, values[f]])) as Partial<Record<CallField, unknown>>,
  }));
  const { rows, issues } = validateCallRows(raw, { timeZone, nowMs });
  if (issues.length > 0) return json(400, { error: 'invalid_calls', issues: toApiIssues(issues) });

  const result = importCalls(db, {
    orgId: auth.orgId,
    rows,
    nowMs,
    onWrite: (tx) => touchApiToken(tx, { tokenId: auth.tokenId, at: nowMs }),
  });
  if (!result.ok) return json(400, { error: 'invalid_calls', issues: toApiIssues(result.issues) });
  return json(200, { imported: result.imported, alreadyPresent: result.alreadyPresent, total: rows.length });
}
