// End-to-end tests: a production build served by `next start` on a freshly seeded database,
// driven by Playwright in a real Chromium.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBrowser, ensureBuild, prepareDatabase, run } from './lib.mjs';

const chromium = ensureBrowser();
ensureBuild({ force: process.env.CI === 'true' });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-training-e2e-'));
const env = { DATABASE_PATH: path.join(dir, 'e2e.db'), CHROMIUM_PATH: chromium };
prepareDatabase(env);
try {
  run('npx', ['playwright', 'test', ...process.argv.slice(2)], { env });
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
