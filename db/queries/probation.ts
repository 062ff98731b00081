// Probation review scores (试用期内部评定): one row per trainee, probation attempt and assessor kind.
// A score is a fact: inserted once, never updated (unique trainee/attempt/kind).
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../tx';
import { probationScores, users } from '../schema';

export type ProbationScoreRow = typeof probationScores.$inferSelect & { assessorName: string };

export function listProbationScores(db: DbOrTx, params: { traineeId: number; attempt: number }): ProbationScoreRow[] {
  return db
    .select({ score: probationScores, assessorName: users.displayName })
    .from(probationScores)
    .innerJoin(users, eq(users.id, probationScores.assessorId))
    .where(and(eq(probationScores.traineeId, params.traineeId), eq(probationScores.attempt, params.attempt)))
    .orderBy(asc(probationScores.id))
    .all()
    .map((r) => ({ ...r.score, assessorName: r.assessorName }));
}

export function findProbationScore(
  db: DbOrTx,
  params: { traineeId: number; attempt: number; assessorKind: string },
): typeof probationScores.$inferSelect | null {
  return (
    db
      .select()
      .from(probationScores)
      .where(
        and(
          eq(probationScores.traineeId, params.traineeId),
          eq(probationScores.attempt, params.attempt),
          eq(probationScores.assessorKind, params.assessorKind),
        ),
      )
      .get() ?? null
  );
}

export function insertProbationScore(db: DbOrTx, values: typeof probationScores.$inferInsert) {
  return db.insert(probationScores).values(values).returning().get();
}

/** Which assessor kinds have scored, per trainee and attempt (the qa queue's "scored by you" column). */
export function listScoredKinds(
  db: DbOrTx,
  params: { traineeIds: readonly number[] },
): { traineeId: number; attempt: number; assessorKind: string }[] {
  if (params.traineeIds.length === 0) return [];
  return db
    .select({ traineeId: probationScores.traineeId, attempt: probationScores.attempt, assessorKind: probationScores.assessorKind })
    .from(probationScores)
    .where(inArray(probationScores.traineeId, [...params.traineeIds]))
    .all();
}
