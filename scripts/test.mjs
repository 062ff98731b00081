// `npm test`: every test there is — type check, unit tests (vitest), end-to-end (Playwright).
// Installs what is missing first, including a browser.
import { ensureBrowser, ensureDependencies, run } from './lib.mjs';

ensureDependencies();
ensureBrowser();
console.log('› type check');
run('npx', ['tsc', '--noEmit']);
console.log('› unit tests');
run('npx', ['vitest', 'run']);
console.log('› end-to-end tests');
run('node', ['scripts/e2e.mjs']);
