// The one wrapper every server action goes through: parse with zod → who is asking →
// run (the body authorizes through lib/access.ts / lib/authz.ts) → a result react-hook-form can show.
import { getDb, type Db } from '@/db/client';
import type { Actor } from './authz';
import { AppError } from './errors';
import { getActor } from './session';
import { z } from './validation';

export type FieldErrors = Record<string, string[]>;
export type ActionResult<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors; formError?: string };

export type ActionContext = { actor: Actor; db: Db };

function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key).filter((v): v is string => typeof v === 'string');
    out[key] = values.length > 1 || key.endsWith('[]') ? values : values[0];
  }
  return out;
}

export function toFieldErrors(error: z.core.$ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '_form';
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

export function defineAction<S extends z.core.$ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, ctx: ActionContext) => T | Promise<T>,
  options: { allowPendingPasswordChange?: boolean } = {},
): (input: z.input<S> | FormData) => Promise<ActionResult<T>> {
  return async (raw) => {
    const actor = await getActor();
    // Anonymous callers learn nothing about the input they sent.
    if (!actor) return { ok: false, fieldErrors: {}, formError: 'errors.unauthenticated' };
    if (actor.mustChangePassword && !options.allowPendingPasswordChange) {
      return { ok: false, fieldErrors: {}, formError: 'errors.must_change_password' };
    }
    const parsed = z.safeParse(schema, raw instanceof FormData ? formDataToObject(raw) : raw);
    if (!parsed.success) {
      const fieldErrors = toFieldErrors(parsed.error);
      return { ok: false, fieldErrors, formError: fieldErrors._form?.[0] ?? 'errors.invalid_input' };
    }
    try {
      const data = await handler(parsed.data, { actor, db: getDb() });
      return { ok: true, data };
    } catch (error) {
      if (error instanceof AppError) {
        // Forbidden is reported as not found, so probing ids reveals nothing.
        const code = error.code === 'forbidden' ? 'not_found' : error.code;
        return { ok: false, fieldErrors: {}, formError: `errors.${code}` };
      }
      if (isNextControlFlow(error)) throw error;
      if (isSqliteConstraint(error)) return { ok: false, fieldErrors: {}, formError: 'errors.conflict' };
      console.error('[action] unexpected error', error);
      return { ok: false, fieldErrors: {}, formError: 'errors.internal' };
    }
  };
}

// redirect() and notFound() work by throwing; they must pass through untouched.
function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' && (digest.startsWith('NEXT_REDIRECT') || digest.startsWith('NEXT_HTTP_ERROR_FALLBACK'));
}

function isSqliteConstraint(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
}
