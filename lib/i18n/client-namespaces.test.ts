// Pages send only the catalogues their client components use (lib/i18n/client-namespaces.ts). A
// missing namespace would not fail a build, it would show raw keys in a browser — so this test reads
// the source: for every page it follows the imports to the client components it renders, collects
// the namespaces they translate with (useTranslations('ns') and message keys like 'ns.key' in the
// client code, its schemas and the server actions it calls), and checks the page, its layouts or the
// server components it imports provide them through <ClientMessages namespaces={[…]}>.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORM_CLIENT_NAMESPACES, ROOT_CLIENT_NAMESPACES } from './client-namespaces';

const ROOT = path.resolve(import.meta.dirname, '../..');
// <FormError>/<FieldError> translate whatever key a schema or an action returned: validation.* from
// the shared error map, errors.* from lib/action.ts and lib/errors.ts.
const FORM_MESSAGES = path.join(ROOT, 'components/form-messages.tsx');
const NAMESPACES = new Set(fs.readdirSync(path.join(ROOT, 'messages/zh-CN')).map((f) => path.basename(f, '.json')));

type SourceFile = { file: string; text: string; isClient: boolean; isServerActions: boolean; imports: string[] };
const cache = new Map<string, SourceFile | null>();

function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith('@/')) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile() && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}

function read(file: string): SourceFile | null {
  if (cache.has(file)) return cache.get(file)!;
  const text = fs.readFileSync(file, 'utf8');
  const directive = text.match(/^\s*(?:\/\/[^\n]*\n\s*)*['"]use (client|server)['"]/);
  // Type-only imports bring no code, and so no message keys, to the browser.
  const code = text.replace(/^(?:import|export)\s+type\s[^;]*;/gm, '');
  const imports = [...code.matchAll(/(?:from\s+|import\s*\(\s*|^import\s+)['"]([^'"]+)['"]/gm)]
    .map((m) => resolveImport(file, m[1]!))
    .filter((f): f is string => f !== null && !f.endsWith('.test.ts'));
  const source = { file, text, isClient: directive?.[1] === 'client', isServerActions: directive?.[1] === 'server', imports };
  cache.set(file, source);
  return source;
}

/** Namespaces a piece of client code can show: what it translates with and the message keys it holds. */
function namespacesIn(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/useTranslations\(\s*['"]([a-zA-Z]+)/g)) found.add(m[1]!);
  for (const m of text.matchAll(/['"`]([a-z][a-zA-Z]*)\.[a-zA-Z_][\w.]*/g)) if (NAMESPACES.has(m[1]!)) found.add(m[1]!);
  return [...found];
}

/** The namespaces a file's <ClientMessages> sends, or null when it has none. */
function providedIn(text: string): string[] | null {
  const providers = [...text.matchAll(/<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/g)];
  if (providers.length === 0) return null;
  return providers.flatMap((m) => [...m[1]!.matchAll(/['"]([a-zA-Z]+)['"]/g)].map((ns) => ns[1]!));
}

/** The namespaces the client code reachable from a route file can show, following its imports. */
function clientNeeds(entry: string): Map<string, string> {
  const needs = new Map<string, string>();
  const seen = new Set<string>();
  const note = (namespaces: string[], file: string) => {
    for (const ns of namespaces) if (!needs.has(ns)) needs.set(ns, path.relative(ROOT, file));
  };
  const visit = (file: string, insideClient: boolean) => {
    const key = `${file}|${insideClient}`;
    if (seen.has(key)) return;
    seen.add(key);
    const source = read(file);
    if (!source) return;
    // An actions file runs on the server: only the keys it returns reach the client.
    if (source.isServerActions) {
      if (insideClient) note(returnedKeys(source.text), file);
      return;
    }
    const client = insideClient || source.isClient;
    if (client) note(namespacesIn(source.text), file);
    if (client && file === FORM_MESSAGES) note(['validation', 'errors'], file);
    for (const imported of source.imports) visit(imported, client);
  };
  visit(entry, false);
  return needs;
}

function returnedKeys(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?:formError|message|error):\s*['"`]([a-z][a-zA-Z]*)\./g)) if (NAMESPACES.has(m[1]!)) found.add(m[1]!);
  return [...found];
}

function routeFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...routeFiles(full));
    else if (/^(page|layout|error|not-found|global-error)\.tsx$/.test(entry.name)) out.push(full);
  }
  return out;
}

/**
 * A provider replaces its parent's messages, so what reaches a page is what the nearest layout with
 * <ClientMessages> sends (or only what the root layout sends when there is none).
 */
function providedTo(file: string): Set<string> {
  const start = path.basename(file) === 'layout.tsx' ? path.dirname(path.dirname(file)) : path.dirname(file);
  const own = path.basename(file) === 'layout.tsx' ? providedIn(fs.readFileSync(file, 'utf8')) : null;
  if (own) return new Set([...FORM_CLIENT_NAMESPACES, ...own]);
  for (let dir = start; dir.startsWith(path.join(ROOT, 'app')); dir = path.dirname(dir)) {
    const layout = path.join(dir, 'layout.tsx');
    const namespaces = fs.existsSync(layout) ? providedIn(fs.readFileSync(layout, 'utf8')) : null;
    if (namespaces) return new Set([...FORM_CLIENT_NAMESPACES, ...namespaces]);
  }
  return new Set(ROOT_CLIENT_NAMESPACES);
}

describe('client message catalogues per page', () => {
  const files = routeFiles(path.join(ROOT, 'app'));

  it('finds the pages and the client components they render', () => {
    expect(files.length).toBeGreaterThan(30);
    const review = files.find((e) => e.endsWith(path.join('calls', '[day]', '[callId]', 'review', 'page.tsx')));
    expect(review).toBeDefined();
    expect([...clientNeeds(review!).keys()]).toContain('review');
  });

  it.each(files.map((e) => [path.relative(ROOT, e), e]))('%s gets the namespaces its client components use', (_name, file) => {
    const provided = providedTo(file);
    const missing = [...clientNeeds(file)].filter(([ns]) => !provided.has(ns)).map(([ns, from]) => `${ns} (used in ${from})`);
    expect(missing).toEqual([]);
  });

  it('is given in layouts only, with namespaces that exist', () => {
    for (const ns of [...ROOT_CLIENT_NAMESPACES, ...FORM_CLIENT_NAMESPACES]) expect(NAMESPACES.has(ns)).toBe(true);
    for (const file of files) {
      const namespaces = providedIn(fs.readFileSync(file, 'utf8'));
      if (path.basename(file) !== 'layout.tsx') expect(namespaces, file).toBeNull();
      for (const ns of namespaces ?? []) expect(NAMESPACES.has(ns), `${ns} in ${file}`).toBe(true);
    }
  });
});
