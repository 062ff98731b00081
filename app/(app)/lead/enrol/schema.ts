import { USERNAME_PATTERN, normaliseUsername } from '@/domain/enrolment';
import { ENROL_CSV_LIMITS, ENROL_TEXT_LIMITS } from '@/lib/enrolment-csv';
import { isoDate, requestKey, requiredText, z } from '@/lib/validation';

/** Lowercased before it is checked: sign-in lowercases what people type. */
export const usernameField = z.pipe(
  z.pipe(z.string(), z.transform(normaliseUsername)),
  z.string().check(z.minLength(1), z.maxLength(32), z.regex(USERNAME_PATTERN, 'enrol.validation.username')),
);

/** One new trainee from the form. */
export const enrolTraineeSchema = z.object({
  displayName: requiredText(ENROL_TEXT_LIMITS.name),
  username: usernameField,
  traineeClass: z.enum(['A', 'B'], { error: 'enrol.validation.pickClass' }),
  cohort: requiredText(ENROL_TEXT_LIMITS.cohort),
  startDate: isoDate,
  mentorId: z.pipe(z.string().check(z.regex(/^[1-9]\d{0,9}$/, 'enrol.validation.pickMentor')), z.transform(Number)),
  requestKey,
});
export type EnrolTraineeInput = z.input<typeof enrolTraineeSchema>;
export type EnrolTraineeValues = z.output<typeof enrolTraineeSchema>;

const cell = z.string().check(z.maxLength(ENROL_CSV_LIMITS.maxCellLength));
const header = z.array(cell).check(z.minLength(1), z.maxLength(ENROL_CSV_LIMITS.maxColumns));
const csvRecord = z.object({
  row: z.int().check(z.gte(2), z.lte(1_000_000)),
  cells: z.array(cell).check(z.maxLength(ENROL_CSV_LIMITS.maxColumns)),
  malformed: z.optional(z.boolean()),
});

/** One chunk of the file, checked while the progress bar moves; the username column of the whole file comes along for the duplicate check. */
export const checkEnrolChunkSchema = z.object({
  header,
  records: z.array(csvRecord).check(z.minLength(1), z.maxLength(ENROL_CSV_LIMITS.chunkRows)),
  fileUsernames: z.array(z.object({ row: z.int(), value: cell })).check(z.maxLength(ENROL_CSV_LIMITS.maxRows)),
});
export type CheckEnrolChunkInput = z.input<typeof checkEnrolChunkSchema>;

/** The whole file again: the import checks everything once more before writing. */
export const importEnrolCsvSchema = z.object({
  requestKey,
  header,
  records: z.array(csvRecord).check(z.minLength(1), z.maxLength(ENROL_CSV_LIMITS.maxRows)),
});
export type ImportEnrolCsvInput = z.input<typeof importEnrolCsvSchema>;
