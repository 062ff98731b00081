import { sql } from 'drizzle-orm';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';

// The benchmark's framework floor (bench/run.ts): a dynamic page that runs one trivial query, so
// each page's throughput can be read as a share of what Next.js itself allows on this machine.
// Inert unless the benchmark's server sets BENCH_FLOOR=1.
export const dynamic = 'force-dynamic';

export default function BenchFloorPage() {
  if (process.env.BENCH_FLOOR !== '1') notFound();
  const row = getDb().get<{ n: number }>(sql`select count(*) as n from organisations`);
  return (
    <main>
      <p>{row.n}</p>
    </main>
  );
}
