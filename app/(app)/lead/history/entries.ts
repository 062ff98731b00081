// Reading the history for the page and the CSV export alike: the filters from the query string
// (validated, never trusted), and each event's details as one line of text in the user's language.
import { getTranslations } from '@/lib/i18n/server';
import { AUDIT_KINDS, type AuditEntry, type AuditFilters } from '@/db/queries/audit';
import type { ProgramEventKind } from '@/domain/events';

export const PAGE_SIZE = 50;
/** The export is for an organisation's history, not a backup: a generous cap keeps one request bounded. */
export const EXPORT_LIMIT = 20_000;

export type HistoryQuery = AuditFilters & { page: number };

export function parseHistoryQuery(params: { trainee?: string | string[]; kind?: string | string[]; page?: string | string[] }): HistoryQuery {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const trainee = one(params.trainee);
  const kind = one(params.kind);
  const page = Number(one(params.page) ?? '1');
  return {
    traineeId: trainee && /^\d{1,9}$/.test(trainee) ? Number(trainee) : undefined,
    kind: kind && (AUDIT_KINDS as readonly string[]).includes(kind) ? (kind as ProgramEventKind) : undefined,
    page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
  };
}

export function historyQueryString(query: Partial<HistoryQuery>): string {
  const params = new URLSearchParams();
  if (query.traineeId !== undefined) params.set('trainee', String(query.traineeId));
  if (query.kind) params.set('kind', query.kind);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

type Payload = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** The event's facts worth reading in a history (the stage, the days, the score, what it corrects). */
export async function describeEntries(entries: readonly AuditEntry[]): Promise<Map<number, string>> {
  const t = await getTranslations('audit.details');
  const tStage = await getTranslations('plan.stageNames');
  const tPlan = await getTranslations('plan');
  const stage = (v: unknown) => (typeof v === 'string' && tStage.has(v) ? tStage(v) : str(v));
  const out = new Map<number, string>();
  for (const entry of entries) {
    const p = entry.payload as Payload;
    const parts: string[] = [];
    switch (entry.kind) {
      case 'stage_completed':
        parts.push(t('stage', { stage: stage(p.stage) }));
        break;
      case 'absence_excused':
        parts.push(t('date', { date: str(p.date) }));
        break;
      case 'module_waived':
        parts.push(t('module', { module: str(p.moduleId) }));
        if (p.via === 'placement_quiz' || p.via === 'lead') parts.push(t(`via.${p.via}`));
        break;
      case 'exam_recorded':
        parts.push(t(p.passed === true ? 'examPassed' : 'examFailed', { score: str(p.scorePercent) }));
        break;
      case 'solo_passed':
      case 'solo_failed':
      case 'probation_passed':
      case 'probation_failed':
        if (typeof p.scorePercent === 'number') parts.push(t('score', { score: p.scorePercent }));
        if (p.overridden === true) parts.push(t('overridden'));
        if (typeof p.retrainingStage === 'string') parts.push(t('retrainingStage', { stage: stage(p.retrainingStage) }));
        break;
      case 'extension_scheduled':
      case 'retraining_scheduled':
        parts.push(t('scheduled', { stage: stage(p.stage), days: str(p.days) }));
        if (p.causeEventId !== undefined) parts.push(t('cause', { id: str(p.causeEventId) }));
        break;
      case 'decision_taken':
        parts.push(p.decision === 'exit' ? tPlan('decisions.exit') : tPlan('decisions.continue'));
        if (typeof p.retrainingStage === 'string') parts.push(t('retrainingStage', { stage: stage(p.retrainingStage) }));
        break;
      case 'override':
        if (typeof p.action === 'string' && tPlan.has(`overrideActions.${p.action}`)) parts.push(tPlan(`overrideActions.${p.action}`));
        parts.push(t('stage', { stage: stage(p.stage) }));
        if (p.days !== undefined) parts.push(t('days', { days: str(p.days) }));
        break;
      case 'certified':
        parts.push(t('code', { code: str(p.code) }));
        break;
    }
    if (p.supersedesEventId !== undefined) parts.push(t(entry.kind === 'event_voided' ? 'voids' : 'supersedes', { id: str(p.supersedesEventId) }));
    out.set(entry.id, parts.join(' · '));
  }
  return out;
}
