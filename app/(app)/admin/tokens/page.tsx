import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { getDb } from '@/db/client';
import { listApiTokens } from '@/db/queries/api-tokens';
import { can } from '@/lib/authz';
import { CALL_IMPORT_LIMITS } from '@/lib/calls-common';
import { loadProgramContext } from '@/lib/program';
import { requireActor } from '@/lib/session';
import { CreateApiTokenForm, RevokeApiTokenButton } from './token-forms';

const REQUEST_EXAMPLE = `POST /api/v1/calls
Authorization: Bearer <token>
Content-Type: application/json

{
  "calls": [
    {
      "callId": "20261125-0001",
      "agent": "trainee4",
      "startTime": "2026-11-25T09:02:11+08:00",
      "durationSec": 186,
      "direction": "inbound",
      "recordingUrl": "https://pbx.example.com/rec/0001.mp3"
    }
  ]
}`;

const RESPONSE_EXAMPLE = `200 {"imported": 1, "alreadyPresent": 0, "total": 1}
400 {"error": "invalid_calls", "issues": [{"index": 0, "field": "startTime", "code": "invalid_start_time"}]}
401 {"error": "missing_token" | "invalid_token"}
403 {"error": "cross_origin"}`;

export default async function ApiTokensPage() {
  const actor = await requireActor();
  if (!can(actor, 'tokens.manage', { kind: 'org', orgId: actor.orgId })) notFound();
  const db = getDb();
  const t = await getTranslations('calls.tokens');
  const format = await getFormatter();
  const { timeZone } = loadProgramContext(db, actor.orgId);
  const tokens = listApiTokens(db, { orgId: actor.orgId });
  const when = (ms: number | null) => (ms === null ? '—' : format.dateTime(new Date(ms), { dateStyle: 'medium', timeStyle: 'short', timeZone }));

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted prose">{t('intro')}</p>
      <section className="card" aria-labelledby="create-token-heading">
        <h2 id="create-token-heading">{t('createHeading')}</h2>
        <CreateApiTokenForm />
      </section>
      <div className="table-wrap">
        <table className="calls-table calls-table-wide">
          <caption>{t('listCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('createdAt')}</th>
              <th scope="col">{t('createdBy')}</th>
              <th scope="col">{t('lastUsedAt')}</th>
              <th scope="col">{t('state')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.length === 0 && (
              <tr>
                <td colSpan={6} className="muted">
                  {t('none')}
                </td>
              </tr>
            )}
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>{when(token.createdAt)}</td>
                <td>{token.createdByName ?? '—'}</td>
                <td>{when(token.lastUsedAt)}</td>
                <td>
                  {token.revokedAt === null ? (
                    <span className="badge badge-ok">{t('active')}</span>
                  ) : (
                    <span className="badge">{t('revokedAt', { when: when(token.revokedAt) })}</span>
                  )}
                </td>
                <td>{token.revokedAt === null && <RevokeApiTokenButton tokenId={token.id} name={token.name} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="card" aria-labelledby="api-usage-heading">
        <h2 id="api-usage-heading">{t('usageHeading')}</h2>
        <p className="prose">{t('usageIntro', { maxRows: CALL_IMPORT_LIMITS.maxRows, maxKb: Math.floor(CALL_IMPORT_LIMITS.maxApiBodyBytes / 1000) })}</p>
        <pre className="code-block">{REQUEST_EXAMPLE}</pre>
        <pre className="code-block">{RESPONSE_EXAMPLE}</pre>
        <p className="hint">{t('usageNotes')}</p>
      </section>
    </>
  );
}
