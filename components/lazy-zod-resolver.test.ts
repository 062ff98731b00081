// The lazy resolver must answer exactly as zodResolver does, and no client component may load zod
// (or a schema module) up front: one static import would put ~20 kB gzip back into every page that
// renders the component (docs/decisions/010-performance.md).
import fs from 'node:fs';
import path from 'node:path';
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, ResolverOptions } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { signInSchema } from '@/app/(auth)/login/schema';
import { createStaffUserSchema, type CreateStaffUserInput } from '@/app/(app)/admin/users/schema';
import { lazyZodResolver, loadWhenIdle } from './lazy-zod-resolver';

const options = <T extends FieldValues>(): ResolverOptions<T> => ({ fields: {}, shouldUseNativeValidation: false });

describe('lazyZodResolver', () => {
  it('gives the errors and values zodResolver gives, for bad and good input', async () => {
    const lazy = lazyZodResolver(() => import('@/app/(auth)/login/schema').then((m) => m.signInSchema));
    const eager = zodResolver(signInSchema);
    for (const values of [{ username: '', password: '' }, { username: '  trainee1 ', password: 'x'.repeat(300) }, { username: 'trainee1', password: 'pw' }]) {
      expect(await lazy(values, undefined, options())).toEqual(await eager(values, undefined, options()));
    }
    const ok = await lazy({ username: '  trainee1 ', password: 'pw' }, undefined, options());
    expect(ok).toEqual({ values: { username: 'trainee1', password: 'pw' }, errors: {} });
  });

  it('passes `raw` through: the form submits what was typed, the server parses it', async () => {
    const lazy = lazyZodResolver(() => import('@/app/(app)/admin/users/schema').then((m) => m.createStaffUserSchema), { raw: true });
    const values: CreateStaffUserInput = { username: 'New.Lead', displayName: ' 张伟 ', roles: ['lead', 'lead'] };
    expect(await lazy(values, undefined, options())).toEqual({ values, errors: {} });
    expect(await lazy(values, undefined, options())).toEqual(await zodResolver(createStaffUserSchema, undefined, { raw: true })(values, undefined, options()));
    const refused = await lazy({ ...values, roles: [] }, undefined, options());
    expect(refused.errors.roles?.message).toBe('users.validation.pickRole');
  });

  it('loads the schema once, and again after a failed download', async () => {
    let calls = 0;
    const get = loadWhenIdle(async () => {
      calls += 1;
      if (calls === 1) throw new Error('offline');
      return 'schema';
    });
    await expect(get()).rejects.toThrow('offline');
    expect(await get()).toBe('schema');
    expect(await get()).toBe('schema');
    expect(calls).toBe(2);
  });
});

// ---- No client component loads zod with the page --------------------------------------------

const ROOT = path.resolve(import.meta.dirname, '..');
// What brings zod (or a zod schema) into a bundle. Dynamic `import()` is the allowed way.
const ZOD = /^(zod(\/.*)?|@hookform\/resolvers\/zod|@\/lib\/validation)$/;

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/') ? path.join(ROOT, specifier.slice(2)) : specifier.startsWith('.') ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), base]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Static, non-type imports: what a bundler puts in the same first-load chunks. */
function staticImports(file: string): string[] {
  const code = fs.readFileSync(file, 'utf8').replace(/^import\s+type\s[^;]*;/gm, '').replace(/^export\s+type\s[^;]*;/gm, '');
  return [...code.matchAll(/^(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]/gm)].map((m) => (m[1] ?? m[2])!);
}

function clientFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...clientFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.includes('.test.') && /^\s*['"]use client['"]/.test(fs.readFileSync(full, 'utf8'))) out.push(full);
  }
  return out;
}

/** The chain of static imports from `entry` to a module that imports zod, or null. */
function zodChain(entry: string): string[] | null {
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]): string[] | null => {
    if (seen.has(file)) return null;
    seen.add(file);
    const source = fs.readFileSync(file, 'utf8');
    // A server actions module reaches the browser as references to the server, not as code.
    if (chain.length > 0 && /^\s*['"]use server['"]/.test(source)) return null;
    for (const specifier of staticImports(file)) {
      if (ZOD.test(specifier)) return [...chain, path.relative(ROOT, file), specifier];
      const next = resolveImport(file, specifier);
      const found = next && /\.tsx?$/.test(next) ? visit(next, [...chain, path.relative(ROOT, file)]) : null;
      if (found) return found;
    }
    return null;
  };
  return visit(entry, []);
}

describe('client components', () => {
  const files = [...clientFiles(path.join(ROOT, 'app')), ...clientFiles(path.join(ROOT, 'components'))];

  it('are found, forms among them', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.map((f) => path.relative(ROOT, f))).toContain(path.join('app', '(auth)', 'login', 'login-form.tsx'));
  });

  it.each(files.map((f) => [path.relative(ROOT, f), f]))('%s loads zod only on demand', (_name, file) => {
    expect(zodChain(file)).toBeNull();
  });
});
