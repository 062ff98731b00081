// Plumbing shared by the start and test commands; node built-ins only, so it runs before `npm install`.
import { spawnSync, execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

// Node flags for the server process (scripts/server-node-options.json; the benchmark reads the same file).
// A larger young generation: rendering a page allocates a few MB of short-lived objects, and with V8's
// default 16 MB semi-space the server spent 10–13 % of its time in scavenges. 32 MB cut each page's
// CPU by about 10 % (bench, default size) for a few tens of MB more memory.
export const SERVER_NODE_OPTIONS = JSON.parse(fs.readFileSync(path.join(root, 'scripts', 'server-node-options.json'), 'utf8'));

/** `env` with the server's Node flags added to NODE_OPTIONS. */
export function withServerNodeOptions(env) {
  return { ...env, NODE_OPTIONS: [env.NODE_OPTIONS, ...SERVER_NODE_OPTIONS].filter(Boolean).join(' ') };
}

export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...options, env: { ...process.env, ...options.env } });
  if (result.status !== 0) {
    console.error(`\n✗ ${cmd} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

/** Installs dependencies when node_modules is missing or older than package-lock.json. */
export function ensureDependencies() {
  // npm writes node_modules/.package-lock.json at the end of every successful install.
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (fs.existsSync(installed) && fs.statSync(installed).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  console.log('› installing dependencies (npm ci; better-sqlite3 compiles from source, about 2 minutes)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

const SOURCE_DIRS = ['app', 'components', 'lib', 'db', 'domain', 'content', 'messages', 'public'];
const SOURCE_FILES = ['next.config.ts', 'proxy.ts', 'package-lock.json', 'tsconfig.json'];

function newestMtime(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of fs.readdirSync(entry)) {
    if (child === 'node_modules' || child.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/** Builds the production bundle when it is missing or older than any source file. */
export function ensureBuild({ force = false } = {}) {
  const buildId = path.join(root, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID');
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const sources = Math.max(...[...SOURCE_DIRS, ...SOURCE_FILES].map((p) => newestMtime(path.join(root, p))));
  if (!force && built > sources) return;
  console.log('› building the production bundle (next build)…');
  run('npx', ['next', 'build'], { env: { NEXT_TELEMETRY_DISABLED: '1' } });
}

/** Migrates the database and seeds demo data when it is empty. */
export function prepareDatabase(env = {}) {
  run('npx', ['tsx', 'db/migrate.ts'], { env });
  run('npx', ['tsx', 'db/seed.ts'], { env });
}

const BROWSER_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Finds a Chromium for Playwright; installs Debian's when missing and we are root. */
export function ensureBrowser() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  const found = BROWSER_CANDIDATES.find((p) => fs.existsSync(p));
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = fs.existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log('› no Chromium found: installing Debian\'s chromium package…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk', { stdio: 'inherit' });
    const installed = BROWSER_CANDIDATES.find((p) => fs.existsSync(p));
    if (installed) return installed;
  }
  console.error(
    '✗ The end-to-end tests need Chromium and none was found.\n' +
      '  Install it with: sudo apt-get update && sudo apt-get install -y chromium\n' +
      '  or point CHROMIUM_PATH at a Chromium/Chrome binary.',
  );
  process.exit(1);
}
