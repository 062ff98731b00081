// Calling the app's real server actions over HTTP, as the browser's React client does: a POST to
// the page's path with the action's id in the Next-Action header and the arguments encoded by
// React's encodeReply — for plain JSON values (no File, no Date, no string starting with "$"),
// that is the JSON array of the arguments, sent as text/plain.
import fs from 'node:fs';
import path from 'node:path';

type ManifestEntry = { filename?: string; exportedName?: string };
type ServerReferenceManifest = { node: Record<string, ManifestEntry> };

/** The action's id in this build (ids are hashes that change from build to build). */
export function findActionId(distDir: string, filename: string, exportedName: string): string {
  const file = path.join(distDir, 'server', 'server-reference-manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as ServerReferenceManifest;
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === filename && entry.exportedName === exportedName);
  if (!found) throw new Error(`server action ${exportedName} of ${filename} is not in ${file}`);
  return found[0];
}

export function encodeActionArguments(args: readonly unknown[]): string {
  return JSON.stringify(args, (_key, value: unknown) =>
    // React escapes strings that start with "$" (its own reference marker) by doubling it.
    typeof value === 'string' && value.startsWith('$') ? `$${value}` : value,
  );
}

export function actionHeaders(params: { baseUrl: string; actionId: string; cookie: string }): Record<string, string> {
  return {
    accept: 'text/x-component',
    'content-type': 'text/plain;charset=UTF-8',
    'next-action': params.actionId,
    origin: params.baseUrl,
    cookie: params.cookie,
  };
}

/** What the action wrapper returned (lib/action.ts `{ ok, … }`), read from the flight response. */
export function readActionResult(body: string): { ok: boolean | null; formError: string | null } {
  // The result is the flight row with id 1: `1:{"ok":true,"data":…}`.
  const row = body.split('\n').find((line) => line.startsWith('1:'));
  if (!row) return { ok: null, formError: null };
  try {
    const value = JSON.parse(row.slice(2)) as { ok?: unknown; formError?: unknown };
    return { ok: value.ok === true ? true : value.ok === false ? false : null, formError: typeof value.formError === 'string' ? value.formError : null };
  } catch {
    return { ok: null, formError: null };
  }
}
