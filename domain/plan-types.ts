// The vocabulary of a trainee's plan, shared by the layout, the day rules and the next actions.
import type { IsoDate } from './dates';
import type { ProgramEventId } from './events';
import type { ProgramStage } from './program-settings';

/** A block's stage; 'certified' is the closing milestone, zero working days long. */
export type PlanStage = ProgramStage | 'certified';

/**
 * regular: the program's own run of a stage (also a restarted one and the solo/probation after a failure);
 * extension: the week added after a failed solo week; retraining: the stage repeated after a failed probation.
 */
export type BlockKind = 'regular' | 'extension' | 'retraining';

export type BlockState = 'done' | 'current' | 'upcoming' | 'skipped';

/** Why a block ended; null when it ran its length (or hasn't ended). */
export type BlockOutcome = 'completed' | 'passed' | 'failed' | 'restarted' | 'exited' | 'certified';

/** What a day rule needs to know about the block a day falls in. */
export type BlockRef = { stage: PlanStage; kind: BlockKind };

export type LaidOutBlock = BlockRef & {
  /** 1 for the first block of this stage and kind, 2 for the next… */
  attempt: number;
  /** First working day of the block (a skipped block: the day it would have started). */
  start: IsoDate;
  /** Last working day; for an open classroom/solo/probation past its planned end, the first working day on or after today. */
  end: IsoDate;
  /** Where the block ends by its length (plus excused days), whatever actually ended it. */
  plannedEnd: IsoDate;
  /** The block's counted working days, excused days left out. */
  workingDays: IsoDate[];
  /** Excused working days inside the block; each one pushed the block's end by a working day. */
  excusedDays: IsoDate[];
  skipped: boolean;
  /** Depends on something not yet known (an open assessment, a follow-up not recorded). */
  provisional: boolean;
  /** Reaches a year the holiday file doesn't cover: only Monday–Friday was assumed there. */
  beyondCalendar: boolean;
  outcome: BlockOutcome | null;
  outcomeEventId: ProgramEventId | null;
  /** A lead's complete_stage or a stage sign-off: missed days in this block no longer make the trainee behind. */
  exitAccepted: boolean;
  /** A classroom, solo or probation block whose completion or result isn't recorded yet. */
  resultPending: boolean;
};
