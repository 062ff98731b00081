// `npm start`: install what is missing, migrate, seed demo data if empty, build, serve on :3000.
import { spawn } from 'node:child_process';
import { ensureBuild, ensureDependencies, prepareDatabase, root, withServerNodeOptions } from './lib.mjs';

ensureDependencies();
prepareDatabase();
ensureBuild();
const port = process.env.PORT ?? '3000';
console.log(`› serving on http://localhost:${port}`);
const server = spawn('npx', ['next', 'start', '-p', port], { stdio: 'inherit', cwd: root, env: withServerNodeOptions({ ...process.env, NEXT_TELEMETRY_DISABLED: '1' }) });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
