// `npm run db:rebuild-status`: recomputes every trainee's cached status and stage from the events.
import { databasePath, openDatabase } from '@/db/client';
import { organisations } from '@/db/schema';
import { loadProgramContext, rebuildAllStatuses, todayFor } from '@/lib/program';

const db = openDatabase(databasePath());
for (const org of db.select().from(organisations).all()) {
  const ctx = loadProgramContext(db, org.id);
  const count = rebuildAllStatuses(db, ctx, todayFor(ctx));
  console.log(`${org.name}: ${count} trainees recomputed`);
}
db.$client.close();
