// Who loads what: users and URLs drawn from the generated database (read-only), so every request
// is one a real user of that role would make — a trainee's own today page, a mentor's own queue, a
// review form of a call the mentor really has to review, a recording on a day the trainee may log.
import Database from 'better-sqlite3';
import type { IsoDate } from '@/domain/dates';
import { loadModules } from '@/lib/content/modules';

export type ReviewTask = { mentor: string; traineeId: number; callId: number; day: IsoDate; path: string };

export type Scenario = {
  lead: string;
  /** Trainees in the program today, across stages. */
  todayTrainees: string[];
  /** Trainee records the lead opens. */
  timelineIds: number[];
  /** Mentors with mentees in the program. */
  mentors: string[];
  /** Review forms to read (not consumed). */
  reviewReads: ReviewTask[];
  /** Calls still waiting for their mentor's review, for the write phase (each used once). */
  reviewWrites: ReviewTask[];
  cohorts: string[];
  lessons: string[];
  /** Trainees whose block today takes recordings (shadowing, extension). */
  recordingTrainees: string[];
};

// A fixed pseudo-random order that doesn't depend on insertion order: (id × prime) mod prime.
const SHUFFLE = (column: string) => `(${column} * 7919) % 10007`;

export function buildScenario(file: string, today: IsoDate): Scenario {
  const db = new Database(file, { readonly: true });
  try {
    const strings = (sql: string, ...params: unknown[]) => (db.prepare(sql).pluck().all(...params) as string[]);
    const numbers = (sql: string, ...params: unknown[]) => (db.prepare(sql).pluck().all(...params) as number[]);
    const active = `t.status in ('on_track', 'behind', 'awaiting_assessment', 'needs_decision')`;
    const todayTrainees = strings(
      `select u.username from trainees t join users u on u.id = t.user_id where ${active} and t.current_stage is not null
       order by ${SHUFFLE('t.id')} limit 40`,
    );
    const timelineIds = numbers(`select t.id from trainees t order by ${SHUFFLE('t.id')} limit 300`);
    const mentors = strings(
      `select u.username from users u join trainees t on t.mentor_id = u.id where ${active}
       group by u.id order by ${SHUFFLE('u.id')} limit 30`,
    );
    const pending = db
      .prepare(
        `select m.username as mentor, ds.trainee_id as traineeId, sc.call_id as callId, ds.day as day
         from sampled_calls sc
         join daily_samples ds on ds.id = sc.sample_id
         join trainees t on t.id = ds.trainee_id
         join users m on m.id = t.mentor_id
         left join call_reviews r on r.call_id = sc.call_id and r.kind = 'mentor'
         where r.id is null and sc.replaced_at is null and ds.day <= ?
         order by ${SHUFFLE('sc.call_id')}`,
      )
      .all(today) as Omit<ReviewTask, 'path'>[];
    const tasks = pending.map((p) => ({ ...p, path: `/trainees/${p.traineeId}/calls/${p.day}/${p.callId}/review` }));
    // Reads and writes never share a call: a written review turns the form into the review's view.
    const reviewReads = tasks.slice(0, 200);
    // The writes come from a few mentors (each one signs in), most waiting calls first.
    const byMentor = new Map<string, ReviewTask[]>();
    for (const task of tasks.slice(200)) byMentor.set(task.mentor, [...(byMentor.get(task.mentor) ?? []), task]);
    const writers = [...byMentor.entries()].sort((a, b) => b[1].length - a[1].length).slice(0, 40);
    const reviewWrites: ReviewTask[] = [];
    // Interleaved by mentor, as a floor of mentors reviewing at once would send them.
    for (let i = 0; writers.some(([, list]) => i < list.length); i++) {
      for (const [, list] of writers) if (list[i]) reviewWrites.push(list[i]!);
    }
    const cohorts = strings(
      `select cohort from trainees t where ${active} group by cohort order by count(*) desc, cohort desc limit 8`,
    );
    const recordingTrainees = strings(
      `select u.username from trainees t join users u on u.id = t.user_id
       left join trainee_days d on d.trainee_id = t.id and d.day = ?
       where t.current_stage in ('shadowing', 'extension') and t.status in ('on_track', 'behind') and d.confirmed_by is null
       order by ${SHUFFLE('t.id')} limit 30`,
      today,
    );
    const lessons = loadModules().flatMap((m) => m.lessons.map((l) => `/classroom/${m.id}/${l.id}`));
    return {
      lead: 'lead',
      todayTrainees,
      timelineIds,
      mentors,
      reviewReads,
      reviewWrites,
      cohorts,
      lessons,
      recordingTrainees,
    };
  } finally {
    db.close();
  }
}

/** Row counts the write phase is checked against: what landed must equal what the server said it saved. */
export function countWrittenRows(file: string): { recordings: number; mentorReviews: number } {
  const db = new Database(file, { readonly: true });
  try {
    const one = (sql: string) => db.prepare(sql).pluck().get() as number;
    return {
      recordings: one('select count(*) from recordings'),
      mentorReviews: one(`select count(*) from call_reviews where kind = 'mentor'`),
    };
  } finally {
    db.close();
  }
}
