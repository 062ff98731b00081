// Builds valid program events for tests: ids and createdAt increase in the order events are added,
// the way the database would number them, and every event goes through the real zod schema.
import type { IsoDate } from '../dates';
import {
  programEventSchema,
  type EventPayload,
  type ProgramEvent,
  type ProgramEventKind,
  type ProgramEventOf,
} from '../events';

const BASE_CREATED_AT = 1_767_225_600_000; // 2026-01-01T00:00:00Z, any fixed instant will do

export type EventLog = {
  events: ProgramEvent[];
  add<K extends ProgramEventKind>(kind: K, effectiveDate: IsoDate, payload: EventPayload<K>, reason?: string): ProgramEventOf<K>;
};

export function createEventLog(firstId = 1): EventLog {
  let nextId = firstId;
  const events: ProgramEvent[] = [];
  return {
    events,
    add(kind, effectiveDate, payload, reason) {
      const id = nextId++;
      const event = programEventSchema.parse({
        id,
        kind,
        effectiveDate,
        payload,
        reason: reason ?? 'test',
        createdAt: BASE_CREATED_AT + id * 1000,
      });
      events.push(event);
      return event as ProgramEventOf<typeof kind>;
    },
  };
}
