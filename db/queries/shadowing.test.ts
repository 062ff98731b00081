import { describe, expect, it } from 'vitest';
import { calls, dailySamples } from '@/db/schema';
import { createFloorFixture } from '@/lib/test/floor-fixture';
import {
  confirmTraineeDay,
  deleteRecording,
  getCallsHandled,
  getTraineeDay,
  insertRecording,
  listRecordings,
  listTraineeDays,
  setLiveShadowing,
} from './shadowing';

const row = (traineeId: number, day: string, n: number) => ({
  traineeId,
  day,
  recordingRef: `R${n}`,
  agentName: 'A',
  callType: 'other',
  wentWell: 'w',
  toLearn: 'l',
  requestKey: `key-${traineeId}-${day}-${n}-xxxxxxxx`,
});

describe('shadowing queries', () => {
  it("the day's counter is the number of recordings, after inserts and deletes", () => {
    const f = createFloorFixture();
    const t = f.shadowing.id;
    const first = insertRecording(f.db, row(t, '2026-11-09', 1));
    insertRecording(f.db, row(t, '2026-11-09', 2));
    insertRecording(f.db, row(t, '2026-11-10', 3));
    expect(getTraineeDay(f.db, { traineeId: t, day: '2026-11-09' })?.recordingsLogged).toBe(2);
    deleteRecording(f.db, { traineeId: t, recordingId: first.id, day: '2026-11-09' });
    expect(getTraineeDay(f.db, { traineeId: t, day: '2026-11-09' })?.recordingsLogged).toBe(1);
    // someone else's id deletes nothing
    deleteRecording(f.db, { traineeId: f.drilling.id, recordingId: first.id + 1, day: '2026-11-09' });
    expect(listRecordings(f.db, { traineeId: t, days: ['2026-11-09', '2026-11-10'] }).map((r) => r.recordingRef)).toEqual(['R3', 'R2']);
    expect(listRecordings(f.db, { traineeId: t, days: [] })).toEqual([]);
  });

  it("a confirmation without attendance keeps the trainee's tick; with it, the mentor's answer stands", () => {
    const f = createFloorFixture();
    const t = f.shadowing.id;
    setLiveShadowing(f.db, { traineeId: t, day: '2026-11-09', attended: true });
    confirmTraineeDay(f.db, { traineeId: t, day: '2026-11-09', mentorId: f.mentor1.userId, atMs: 5 });
    expect(getTraineeDay(f.db, { traineeId: t, day: '2026-11-09' })).toMatchObject({ liveShadowing: true, confirmedBy: f.mentor1.userId, confirmedAt: 5 });
    confirmTraineeDay(f.db, { traineeId: t, day: '2026-11-09', mentorId: f.mentor1.userId, atMs: 6, liveShadowing: false });
    expect(getTraineeDay(f.db, { traineeId: t, day: '2026-11-09' })?.liveShadowing).toBe(false);
    expect(listTraineeDays(f.db, { traineeId: t, from: '2026-11-09', to: '2026-11-09' })[0]?.confirmedByName).toBe('mentor1');
  });

  it('calls handled are unknown until calls are imported or a sample is drawn', () => {
    const f = createFloorFixture();
    const t = f.classB.id;
    expect(getCallsHandled(f.db, { traineeId: t, day: '2026-11-10' })).toBeNull();
    f.db.insert(calls).values({ orgId: f.org.id, traineeId: t, externalId: 'x1', agentCode: 'a', startedAt: 1, day: '2026-11-10', durationSec: 60, direction: 'inbound' }).run();
    expect(getCallsHandled(f.db, { traineeId: t, day: '2026-11-10' })).toBe(1);
    f.db.insert(dailySamples).values({ traineeId: t, day: '2026-11-11', seed: 's', algorithm: 'a', poolCallIds: [] }).run();
    expect(getCallsHandled(f.db, { traineeId: t, day: '2026-11-11' })).toBe(0);
  });
});
