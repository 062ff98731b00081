// End-to-end tests: a production build served by `next start` on a freshly seeded database,
// driven by Playwright in a real Chromium.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ensureBrowser, ensureBuild, prepareDatabase, root, run } from './lib.mjs';

const chromium = ensureBrowser();
ensureBuild({ force: process.env.CI === 'true' });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-training-e2e-'));
const env = { DATABASE_PATH: path.join(dir, 'e2e.db'), CHROMIUM_PATH: chromium };
// The journeys act on "today": on a weekend or holiday, pin the app and the seed to the last working day.
const workingToday = execFileSync('npx', ['tsx', 'scripts/working-today.ts'], { cwd: root, encoding: 'utf8' }).trim();
const realToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
if (workingToday !== realToday) {
  console.log(`› ${realToday} is not a working day: the e2e run uses ${workingToday} as today`);
  Object.assign(env, { APP_TODAY: workingToday, SEED_TODAY: workingToday });
}
prepareDatabase(env);
try {
  run('npx', ['playwright', 'test', ...process.argv.slice(2)], { env });
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
