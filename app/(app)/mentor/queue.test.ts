import { afterEach, describe, expect, it, vi } from 'vitest';
import { insertDrillGroup, saveDrillScript } from '@/db/queries/drills';
import { callReviews, calls, dailySamples, sampledCalls, traineeDays } from '@/db/schema';
import { appendProgramEvents, loadProgramContext } from '@/lib/program';
import { context, createFloorFixture, key, setToday } from '@/lib/test/floor-fixture';
import { logRecording, markLiveShadowing } from '../shadowing/handlers';
import { loadMentorQueue } from './queue';

afterEach(() => {
  vi.useRealTimers();
});

const entry = { recordingRef: 'R1', agentName: '王芳', callType: 'consultation' as const, wentWell: '语速适中', toLearn: '结束语' };

describe('loadMentorQueue', () => {
  it("shows each of the mentor's own mentees with the work waiting and today's progress", () => {
    const f = createFloorFixture();
    setToday('2026-11-10');
    // the shadowing mentee logged yesterday and today; yesterday needs confirming, and so does today
    markLiveShadowing({ day: '2026-11-09', attended: true }, context(f.db, f.shadowing.actor));
    logRecording({ ...entry, day: '2026-11-10', requestKey: key(1) }, context(f.db, f.shadowing.actor));
    // the drilling mentee submitted a script
    const groupId = insertDrillGroup(f.db, { orgId: f.org.id, day: '2026-11-10', name: 'G', scenarioId: 'hold-check-with-colleague', createdBy: f.lead.userId, traineeIds: [f.drilling.id] });
    saveDrillScript(f.db, { traineeId: f.drilling.id, day: '2026-11-10', groupId, scenarioId: 'hold-check-with-colleague', script: '话述' });

    const queue = loadMentorQueue(f.db, f.mentor1);
    expect(queue.today).toBe('2026-11-10');
    expect(queue.mentees.map((m) => m.trainee.id).sort()).toEqual([f.shadowing.id, f.drilling.id].sort());
    const shadowing = queue.mentees.find((m) => m.trainee.id === f.shadowing.id)!;
    expect(shadowing.unconfirmedDays.map((d) => d.day)).toEqual(['2026-11-09', '2026-11-10']);
    expect(shadowing.today?.requirements.find((r) => r.code === 'recordings')).toMatchObject({ done: 1 });
    expect(shadowing.stage).toEqual({ stage: 'shadowing', kind: 'regular' });
    // 11-09 had the live shadowing but no recordings: missed, so the mentee is behind
    expect(shadowing.status).toBe('behind');
    expect(shadowing.behindReasons[0]).toMatchObject({ code: 'missed_days', dates: ['2026-11-09'] });
    const drilling = queue.mentees.find((m) => m.trainee.id === f.drilling.id)!;
    expect(drilling.uncommentedScripts).toHaveLength(1);
    expect(queue.totals).toMatchObject({ daysToConfirm: 2, scriptsToComment: 1, callsToReview: 0 });
  });

  it("counts the supervised mentee's sampled calls awaiting review and shows the live-listen coverage", () => {
    const f = createFloorFixture();
    setToday('2026-11-10');
    const b = f.classB;
    const callIds = [0, 1, 2].map(
      (i) =>
        f.db
          .insert(calls)
          .values({ orgId: f.org.id, traineeId: b.id, externalId: `c${i}`, agentCode: 'A', startedAt: i, day: '2026-11-10', durationSec: 90, direction: 'inbound' })
          .returning()
          .get().id,
    );
    const sample = f.db.insert(dailySamples).values({ traineeId: b.id, day: '2026-11-10', seed: 's', algorithm: 't', poolCallIds: callIds }).returning().get();
    callIds.forEach((callId, slot) => f.db.insert(sampledCalls).values({ sampleId: sample.id, callId, slot }).run());
    f.db.insert(callReviews)
      .values({ orgId: f.org.id, callId: callIds[0]!, traineeId: b.id, reviewerId: f.mentor2.userId, kind: 'mentor', day: '2026-11-10', scorecardVersion: 1, items: {}, total: 90, criticalFailed: false, passed: true })
      .run();
    f.db.insert(traineeDays).values({ traineeId: b.id, day: '2026-11-10', callsHandled: 3, callsSampled: 3, callsReviewed: 1, callsLiveListened: 2 }).run();

    const queue = loadMentorQueue(f.db, f.mentor2);
    expect(queue.mentees.map((m) => m.trainee.id)).toEqual([b.id]);
    const mentee = queue.mentees[0]!;
    expect(mentee.pendingReviews).toEqual([{ traineeId: b.id, day: '2026-11-10', pending: 2 }]);
    expect(mentee.coverage).toMatchObject({ handled: 3, liveListened: 2, status: 'met' });
    expect(mentee.today?.requirements.find((r) => r.code === 'calls_reviewed')).toMatchObject({ done: 1, target: 3 });
    expect(queue.totals.callsToReview).toBe(2);
  });

  it("never lists another mentor's mentees", () => {
    const f = createFloorFixture();
    setToday('2026-11-10');
    logRecording({ ...entry, day: '2026-11-10', requestKey: key(2) }, context(f.db, f.shadowing.actor));
    const queue = loadMentorQueue(f.db, f.mentor2);
    expect(queue.mentees.map((m) => m.trainee.id)).not.toContain(f.shadowing.id);
    expect(queue.totals.daysToConfirm).toBe(0);
    expect(loadMentorQueue(f.db, f.lead).mentees).toEqual([]);
  });

  it('a certified mentee leaves the queue', () => {
    const f = createFloorFixture();
    setToday('2026-11-10');
    logRecording({ ...entry, day: '2026-11-10', requestKey: key(3) }, context(f.db, f.shadowing.actor));
    appendProgramEvents(f.db, {
      ctx: loadProgramContext(f.db, f.org.id),
      trainee: f.shadowing,
      drafts: [{ kind: 'certified', effectiveDate: '2026-11-10', payload: { code: 'C-1' } }],
      actorId: f.lead.userId,
      today: '2026-11-10',
    });
    expect(loadMentorQueue(f.db, f.mentor1).mentees.map((m) => m.trainee.id)).toEqual([f.drilling.id]);
  });
});
