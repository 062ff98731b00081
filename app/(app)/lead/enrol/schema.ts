import { USERNAME_PATTERN, normaliseUsername } from '@/domain/enrolment';
import { ENROL_CSV_LIMITS, ENROL_TEXT_LIMITS } from '@/lib/enrolment-csv';
import { isoDate, requestKey, requiredText, z } from '@/lib/validation';

/** Lowercased before it is checked: sign-in lowercases what people type. */
export const usernameField = z
  .string()
  .transform(normaliseUsername)
  .pipe(z.string().min(1).max(32).regex(USERNAME_PATTERN, 'enrol.validation.username'));

/** One new trainee from the form. */
export const enrolTraineeSchema = z.object({
  displayName: requiredText(ENROL_TEXT_LIMITS.name),
  username: usernameField,
  traineeClass: z.enum(['A', 'B'], { error: 'enrol.validation.pickClass' }),
  cohort: requiredText(ENROL_TEXT_LIMITS.cohort),
  startDate: isoDate,
  mentorId: z
    .string()
    .regex(/^[1-9]\d{0,9}$/, 'enrol.validation.pickMentor')
    .transform(Number),
  requestKey,
});
export type EnrolTraineeInput = z.input<typeof enrolTraineeSchema>;
export type EnrolTraineeValues = z.output<typeof enrolTraineeSchema>;

const cell = z.string().max(ENROL_CSV_LIMITS.maxCellLength);
const header = z.array(cell).min(1).max(ENROL_CSV_LIMITS.maxColumns);
const csvRecord = z.object({
  row: z.number().int().min(2).max(1_000_000),
  cells: z.array(cell).max(ENROL_CSV_LIMITS.maxColumns),
  malformed: z.boolean().optional(),
});

/** One chunk of the file, checked while the progress bar moves; the username column of the whole file comes along for the duplicate check. */
export const checkEnrolChunkSchema = z.object({
  header,
  records: z.array(csvRecord).min(1).max(ENROL_CSV_LIMITS.chunkRows),
  fileUsernames: z.array(z.object({ row: z.number().int(), value: cell })).max(ENROL_CSV_LIMITS.maxRows),
});
export type CheckEnrolChunkInput = z.input<typeof checkEnrolChunkSchema>;

/** The whole file again: the import checks everything once more before writing. */
export const importEnrolCsvSchema = z.object({
  requestKey,
  header,
  records: z.array(csvRecord).min(1).max(ENROL_CSV_LIMITS.maxRows),
});
export type ImportEnrolCsvInput = z.input<typeof importEnrolCsvSchema>;
