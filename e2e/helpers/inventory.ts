// What the app exposes, found from the code rather than listed by hand: every page and route
// handler under app/, every export of a 'use server' module, and every action id in the build's
// manifest. The authorization matrix fails when one of them has no row in its table.
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      walk(full, out);
    } else out.push(full);
  }
  return out;
}

/** `app/(app)/trainees/[id]/page.tsx` → `/trainees/[id]`; route groups and private folders vanish or disqualify. */
function routePattern(file: string, leaf: string): string | null {
  const rel = path.relative(path.join(ROOT, 'app'), file).split(path.sep);
  if (rel.at(-1) !== leaf) return null;
  const segments = rel.slice(0, -1);
  // `_folder` is private in the App Router: nothing inside it is a route.
  if (segments.some((s) => s.startsWith('_'))) return null;
  const visible = segments.filter((s) => !(s.startsWith('(') && s.endsWith(')')) && !s.startsWith('@'));
  return `/${visible.join('/')}`;
}

function routesOf(leaves: string[]): string[] {
  const found = new Set<string>();
  for (const file of walk(path.join(ROOT, 'app'))) {
    for (const leaf of leaves) {
      const pattern = routePattern(file, leaf);
      if (pattern) found.add(pattern);
    }
  }
  return [...found].sort();
}

export function listPagePatterns(): string[] {
  return routesOf(['page.tsx', 'page.ts', 'page.jsx', 'page.js']);
}

export function listRouteHandlerPatterns(): string[] {
  return routesOf(['route.ts', 'route.js']);
}

export type ActionRef = { file: string; name: string };
export const actionKey = (ref: ActionRef) => `${ref.file}#${ref.name}`;

const USE_SERVER = /^(?:\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/))*\s*['"]use server['"]/;

/** Every export of every module whose first statement is 'use server' (app/, lib/, components/). */
export function listSourceActions(): ActionRef[] {
  const refs: ActionRef[] = [];
  for (const dir of ['app', 'lib', 'components']) {
    const base = path.join(ROOT, dir);
    if (!fs.existsSync(base)) continue;
    for (const file of walk(base)) {
      if (!/\.(ts|tsx|js|jsx)$/.test(file) || /\.test\.tsx?$/.test(file)) continue;
      const text = fs.readFileSync(file, 'utf8');
      if (!USE_SERVER.test(text)) continue;
      const rel = path.relative(ROOT, file).split(path.sep).join('/');
      const names = new Set<string>();
      for (const m of text.matchAll(/^export\s+(?:async\s+)?function\s+([A-Za-z_$][\w$]*)/gm)) names.add(m[1]!);
      for (const m of text.matchAll(/^export\s+(?:const|let|var)\s+([A-Za-z_$][\w$]*)/gm)) names.add(m[1]!);
      for (const m of text.matchAll(/^export\s*\{([^}]*)\}/gm)) {
        for (const part of m[1]!.split(',')) {
          const name = part.trim().split(/\s+as\s+/).pop()?.trim();
          if (name && name !== 'type' && !part.trim().startsWith('type ')) names.add(name);
        }
      }
      if (/^export\s+default\b/m.test(text)) names.add('default');
      for (const name of names) refs.push({ file: rel, name });
    }
  }
  return refs.sort((a, b) => actionKey(a).localeCompare(actionKey(b)));
}

export type ManifestAction = ActionRef & { id: string; workers: string[] };

export function distDir(): string {
  return path.join(ROOT, process.env.NEXT_DIST_DIR || '.next');
}

/** The build's server actions: id, defining file and export, and the pages (workers) that load them. */
export function readActionManifest(): ManifestAction[] {
  const file = path.join(distDir(), 'server', 'server-reference-manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node)
    .map(([id, entry]) => ({
      id,
      file: entry.filename ?? '',
      name: entry.exportedName ?? '',
      workers: Object.keys(entry.workers),
    }))
    .sort((a, b) => actionKey(a).localeCompare(actionKey(b)));
}

/** `app/(app)/trainees/[id]/page` → `/trainees/[id]`. */
export function workerToPattern(worker: string): string | null {
  if (!worker.startsWith('app/') || !worker.endsWith('/page')) return null;
  const segments = worker.slice('app/'.length, -'/page'.length).split('/').filter(Boolean);
  return `/${segments.filter((s) => !(s.startsWith('(') && s.endsWith(')'))).join('/')}`;
}

/** Fills `[id]`-style segments; an unknown segment name is a test bug worth failing on. */
export function fillPattern(pattern: string, params: Record<string, string | number>): string {
  return pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for [${name}] in ${pattern}`);
    return encodeURIComponent(String(value));
  });
}
