import type { Tx } from '../tx';

/** What every demo-data step gets: the organisation, today, and ids by demo username. */
export type SeedContext = {
  tx: Tx;
  orgId: number;
  today: string;
  userIds: Map<string, number>;
  traineeIds: Map<string, number>;
};
