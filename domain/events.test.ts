import { describe, expect, it } from 'vitest';
import {
  compareProgramEvents,
  parseProgramEvent,
  programEventKinds,
  programEventSchema,
  resolveEffectiveEvents,
  sortProgramEvents,
} from './events';
import { createEventLog } from './testing/event-log';

const row = (kind: string, payload: unknown, extra: Record<string, unknown> = {}) => ({
  id: 1,
  kind,
  effectiveDate: '2026-03-02',
  payload,
  reason: null,
  createdAt: 1,
  ...extra,
});

describe('programEventSchema', () => {
  it('knows every kind the engine understands', () => {
    expect(programEventKinds).toEqual([
      'enrolled',
      'stage_completed',
      'absence_excused',
      'module_waived',
      'exam_recorded',
      'solo_passed',
      'solo_failed',
      'extension_scheduled',
      'probation_passed',
      'probation_failed',
      'retraining_scheduled',
      'decision_taken',
      'override',
      'certified',
      'event_voided',
    ]);
  });

  it.each([
    ['enrolled', { traineeClass: 'A' }],
    ['stage_completed', { stage: 'classroom' }],
    ['absence_excused', { date: '2026-03-03' }],
    ['module_waived', { moduleId: 'outbound-basics', via: 'lead' }],
    ['exam_recorded', { passed: true, scorePercent: 87.5 }],
    ['solo_failed', { scorePercent: 70 }],
    ['extension_scheduled', { days: 5, stage: 'supervised', causeEventId: 7 }],
    ['retraining_scheduled', { days: 5, stage: 'shadowing' }],
    ['certified', { code: 'CERT-1' }],
  ])('accepts a stored %s row', (kind, payload) => {
    expect(parseProgramEvent(row(kind, payload)).kind).toBe(kind);
  });

  it.each([
    ['an unknown kind', row('stage_skipped', {})],
    ['a bad date', row('absence_excused', { date: '2026-02-30' })],
    ['a score over 100', row('exam_recorded', { passed: true, scorePercent: 101 })],
    ['an override without a reason (who, when and why)', row('override', { action: 'complete_stage', stage: 'drills' })],
    ['a decision without a reason', row('decision_taken', { decision: 'exit' })],
    ['set_stage_days without days', row('override', { action: 'set_stage_days', stage: 'drills' }, { reason: 'x' })],
    ['complete_stage on an assessment', row('override', { action: 'complete_stage', stage: 'solo' }, { reason: 'x' })],
    ['a correction without a reason', row('solo_passed', { supersedesEventId: 3 })],
    ['an event superseding itself', row('solo_passed', { supersedesEventId: 1 }, { reason: 'x' })],
    ['event_voided without a target', row('event_voided', {}, { reason: 'x' })],
  ])('rejects %s', (_name, value) => {
    expect(programEventSchema.safeParse(value).success).toBe(false);
  });
});

describe('event order', () => {
  it('sorts by (effectiveDate, createdAt, id), whatever the input order', () => {
    const a = parseProgramEvent(row('enrolled', {}, { id: 3, effectiveDate: '2026-03-02', createdAt: 5 }));
    const b = parseProgramEvent(row('enrolled', {}, { id: 2, effectiveDate: '2026-03-02', createdAt: 5 }));
    const c = parseProgramEvent(row('enrolled', {}, { id: 1, effectiveDate: '2026-03-02', createdAt: 9 }));
    const d = parseProgramEvent(row('enrolled', {}, { id: 9, effectiveDate: '2026-03-01', createdAt: 99 }));
    expect(sortProgramEvents([a, b, c, d]).map((e) => e.id)).toEqual([9, 2, 3, 1]);
    expect(compareProgramEvents(a, a)).toBe(0);
  });
});

describe('resolveEffectiveEvents (STYLE habit 6: a correction is a new event; the old one is ignored)', () => {
  it('drops a superseded event and what it caused', () => {
    const log = createEventLog();
    const failed = log.add('solo_failed', '2026-03-20', {});
    const extension = log.add('extension_scheduled', '2026-03-20', { days: 5, stage: 'supervised', causeEventId: failed.id });
    const correction = log.add('solo_passed', '2026-03-20', { supersedesEventId: failed.id }, '复核更正');
    const { effective, ignored } = resolveEffectiveEvents(log.events);
    expect(effective).toEqual([correction]);
    expect(ignored).toEqual([
      { eventId: failed.id, code: 'superseded' },
      { eventId: extension.id, code: 'cause_withdrawn' },
    ]);
  });

  it('a superseded correction does not bring the original back', () => {
    const log = createEventLog();
    const first = log.add('absence_excused', '2026-03-03', { date: '2026-03-03' }, '病假');
    const second = log.add('absence_excused', '2026-03-04', { date: '2026-03-04', supersedesEventId: first.id }, '日期更正');
    const third = log.add('absence_excused', '2026-03-05', { date: '2026-03-05', supersedesEventId: second.id }, '再次更正');
    expect(resolveEffectiveEvents(log.events).effective).toEqual([third]);
  });

  it('event_voided withdraws its target and carries nothing itself', () => {
    const log = createEventLog();
    const absence = log.add('absence_excused', '2026-03-03', { date: '2026-03-03' }, '病假');
    log.add('event_voided', '2026-03-04', { supersedesEventId: absence.id }, '录错');
    expect(resolveEffectiveEvents(log.events).effective).toEqual([]);
  });

  it('matches string and number ids by type, so "1" does not supersede 1', () => {
    const log = createEventLog();
    const absence = log.add('absence_excused', '2026-03-03', { date: '2026-03-03' }, '病假');
    log.add('event_voided', '2026-03-04', { supersedesEventId: String(absence.id) }, 'wrong id type');
    expect(resolveEffectiveEvents(log.events).effective).toEqual([absence]);
  });
});
