// Child process for db/durability.test.ts: appends numbered program events through the app's own
// write path (lib/program.ts appendProgramEvents in a transaction) and reports each one after commit.
import { openDatabase } from '@/db/client';
import { loadProgramContext } from '@/lib/program';
import { appendProgramEvents } from '@/lib/program';

const [file, orgIdArg, traineeIdArg, startArg] = process.argv.slice(2);
const db = openDatabase(file!);
const orgId = Number(orgIdArg);
const trainee = { id: Number(traineeIdArg), orgId, traineeClass: 'A' as const, startDate: '2026-09-01' };
const ctx = loadProgramContext(db, orgId);
for (let n = Number(startArg); ; n++) {
  db.transaction(
    (tx) =>
      appendProgramEvents(tx, {
        ctx,
        trainee,
        drafts: [{ kind: 'exam_recorded', effectiveDate: '2026-10-01', payload: { passed: n % 2 === 0, scorePercent: n % 101 } }],
        actorId: null,
        today: '2026-10-01',
        requestKey: `crash-${String(n).padStart(8, '0')}-record`,
      }),
    { behavior: 'immediate' },
  );
  process.stdout.write(`ack ${n}\n`);
}
