import { CALL_IMPORT_LIMITS } from '@/lib/calls-common';
import { encodeMessage, z } from '@/lib/validation';

/** The uploaded CSV; checked in the browser before it is sent and again by both actions. */
export const callsFileSchema = z.object({
  file: z.instanceof(Blob, { error: 'calls.import.fileRequired' }).check(
    z.refine((f) => f.size > 0, { error: 'calls.import.fileEmpty' }),
    z.refine((f) => f.size <= CALL_IMPORT_LIMITS.maxFileBytes, {
      error: encodeMessage('calls.import.fileTooLarge', { maxKb: Math.floor(CALL_IMPORT_LIMITS.maxFileBytes / 1000) }),
    }),
  ),
});
export type CallsFileInput = z.input<typeof callsFileSchema>;
