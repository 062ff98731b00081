import { isoDate, requiredText, z } from '@/lib/validation';

export const submitDrillScriptSchema = z.object({ day: isoDate, script: requiredText(5000) });
export type SubmitDrillScriptInput = z.input<typeof submitDrillScriptSchema>;
