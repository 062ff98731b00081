// The zod schema of an ISO calendar date, for content files and event payloads (server-side). Apart
// from domain/dates.ts so the browser, which uses the date arithmetic, never loads zod for it.
import { z } from 'zod';
import { isIsoDate } from './dates';

export const isoDateSchema = z.string().refine(isIsoDate, { message: 'invalid_iso_date' });
