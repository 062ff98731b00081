// First-load JavaScript per app route, from the build's manifests: the runtime chunks every page
// loads (build-manifest rootMainFiles) plus the chunks of the route's own segments — its layouts,
// page, error and not-found boundaries (the route's client reference manifest, entryJSFiles) —
// each gzip-compressed with zlib, as they travel. Polyfills are left out: modern browsers skip them.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';

export type RouteJs = { route: string; files: number; gzipBytes: number; kb: number };

function routeManifest(distDir: string, appPath: string): Record<string, string[]> {
  const file = path.join(distDir, 'server', 'app', `${appPath}_client-reference-manifest.js`);
  if (!fs.existsSync(file)) return {};
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  sandbox.globalThis = sandbox;
  vm.runInNewContext(fs.readFileSync(file, 'utf8'), sandbox);
  const manifest = sandbox.__RSC_MANIFEST?.[appPath];
  return manifest?.entryJSFiles ?? {};
}

export function measureFirstLoadJs(distDir: string): RouteJs[] {
  const build = JSON.parse(fs.readFileSync(path.join(distDir, 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[] };
  const routes = JSON.parse(fs.readFileSync(path.join(distDir, 'app-path-routes-manifest.json'), 'utf8')) as Record<string, string>;
  const gzipped = new Map<string, number>();
  const sizeOf = (file: string) => {
    let size = gzipped.get(file);
    if (size === undefined) {
      size = zlib.gzipSync(fs.readFileSync(path.join(distDir, file))).length;
      gzipped.set(file, size);
    }
    return size;
  };
  const out: RouteJs[] = [];
  for (const [appPath, route] of Object.entries(routes)) {
    if (!appPath.endsWith('/page')) continue;
    const files = new Set(build.rootMainFiles);
    for (const chunks of Object.values(routeManifest(distDir, appPath))) for (const chunk of chunks) files.add(chunk);
    const gzipBytes = [...files].reduce((sum, file) => sum + sizeOf(file), 0);
    out.push({ route, files: files.size, gzipBytes, kb: Math.round((gzipBytes / 1024) * 10) / 10 });
  }
  return out.sort((a, b) => b.gzipBytes - a.gzipBytes);
}

/**
 * The same measure from a served page: the chunks its HTML actually loads (`<script src>`), as a
 * check on the manifest reading above.
 */
export function measureHtmlScripts(distDir: string, html: string): { files: number; kb: number } {
  // nomodule scripts (the polyfills) are skipped by every browser that runs modules.
  const tags = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]).filter((tag) => !/nomodule/i.test(tag));
  const files = new Set(tags.flatMap((tag) => [...tag.matchAll(/src="\/_next\/(static\/[^"?]+\.js)/g)].map((m) => m[1]!)));
  const bytes = [...files].reduce((sum, file) => {
    const full = path.join(distDir, file);
    return sum + (fs.existsSync(full) ? zlib.gzipSync(fs.readFileSync(full)).length : 0);
  }, 0);
  return { files: files.size, kb: Math.round((bytes / 1024) * 10) / 10 };
}
