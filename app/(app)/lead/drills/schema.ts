import { isoDate, requiredText, z } from '@/lib/validation';

// A drill group is a handful of trainees around one role-player; 30 is far beyond any real group.
export const MAX_DRILL_GROUP_SIZE = 30;

export const createDrillGroupSchema = z.object({
  day: isoDate,
  name: requiredText(40),
  scenarioId: requiredText(80),
  traineeIds: z
    .array(z.int().check(z.positive()))
    .check(z.minLength(1, 'floor.validation.pickTrainee'), z.maxLength(MAX_DRILL_GROUP_SIZE)),
});
export type CreateDrillGroupInput = z.input<typeof createDrillGroupSchema>;

export const deleteDrillGroupSchema = z.object({ groupId: z.int().check(z.positive()) });
export type DeleteDrillGroupInput = z.input<typeof deleteDrillGroupSchema>;
