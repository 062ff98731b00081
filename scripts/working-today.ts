// Prints the organisation's today, or the last working day before it when today is a weekend or
// holiday: scripts/e2e.mjs pins the app's clock to it so every journey has a working day to act on.
import { lastWorkingDayOnOrBefore } from '@/domain/calendar';
import { buildWorkCalendar } from '@/domain/calendar';
import { todayInTimeZone } from '@/domain/dates';
import { loadHolidayCalendar, toWorkCalendarInput } from '@/lib/content/holidays';
import { loadProgramSettings } from '@/lib/content/program';

const calendar = buildWorkCalendar(toWorkCalendarInput(loadHolidayCalendar()));
const today = todayInTimeZone(Date.now(), loadProgramSettings().timeZone);
process.stdout.write(lastWorkingDayOnOrBefore(calendar, today));
