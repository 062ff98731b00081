// Calling a server action the way an attacker would: a hand-made POST with the Next-Action header,
// the arguments encoded as React's encodeReply does (JSON for plain values; multipart for FormData
// and Blobs), and the flight response decoded back into the action's return value.
import type { APIRequestContext, APIResponse } from '@playwright/test';

/** A plain argument, a FormData's fields, or an object holding one uploaded file. */
export type ActionArg =
  | { kind: 'json'; value: unknown }
  | { kind: 'form'; fields: Record<string, string> }
  | { kind: 'file'; field: string; name: string; mimeType: string; content: string; rest?: Record<string, unknown> };

export const json = (value: unknown): ActionArg => ({ kind: 'json', value });

// React escapes strings that start with '$' (its reference marker) by doubling it.
function encodeValue(value: unknown): unknown {
  if (typeof value === 'string') return value.startsWith('$') ? `$${value}` : value;
  if (value === undefined) return '$undefined';
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeValue(v)]));
  }
  return value;
}

export type ActionCall = {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The action's return value, when the response carried one. */
  result: unknown;
};

function decodeFlight(text: string): unknown {
  const rows = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1]!, m[2]!);
  }
  const root = rows.get('0');
  if (!root) return undefined;
  try {
    const parsed = JSON.parse(root) as { a?: unknown };
    if (typeof parsed.a === 'string' && parsed.a.startsWith('$@')) {
      const row = rows.get(parsed.a.slice(2));
      return row === undefined ? undefined : JSON.parse(row);
    }
    return parsed.a;
  } catch {
    return undefined;
  }
}

export async function callAction(
  context: APIRequestContext,
  options: { path: string; actionId: string; arg?: ActionArg; headers?: Record<string, string> },
): Promise<ActionCall> {
  const headers: Record<string, string> = { 'next-action': options.actionId, accept: 'text/x-component', ...options.headers };
  const arg = options.arg;
  let response: APIResponse;
  if (!arg || arg.kind === 'json') {
    const args = arg ? [arg.value] : [];
    response = await context.post(options.path, {
      headers: { ...headers, 'content-type': 'text/plain;charset=UTF-8' },
      data: JSON.stringify(encodeValue(args)),
      maxRedirects: 0,
    });
  } else if (arg.kind === 'form') {
    // Parts in React's order: the root row last, after the parts it references.
    const multipart = new FormData();
    for (const [name, value] of Object.entries(arg.fields)) multipart.append(`_1_${name}`, value);
    multipart.append('0', JSON.stringify(['$K1']));
    response = await context.post(options.path, { headers, multipart, maxRedirects: 0 });
  } else {
    const model = { ...(encodeValue(arg.rest ?? {}) as object), [arg.field]: '$B1' };
    const multipart = new FormData();
    multipart.append('1', new Blob([arg.content], { type: arg.mimeType }), arg.name);
    multipart.append('0', JSON.stringify([model]));
    response = await context.post(options.path, { headers, multipart, maxRedirects: 0 });
  }
  const text = await response.text();
  return { status: response.status(), headers: response.headers(), text, result: decodeFlight(text) };
}

export type ActionOutcome = { ok?: boolean; formError?: string; fieldErrors?: Record<string, string[]>; data?: unknown };

export function outcomeOf(call: ActionCall): ActionOutcome | null {
  const r = call.result;
  return r && typeof r === 'object' && 'ok' in r ? (r as ActionOutcome) : null;
}
