import holidayJp from '@holiday-jp/holiday_jp';
import { HogoError } from '../errors/index.ts';

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The last day the holiday package lists holidays for (its data ends with that year). */
export const HOLIDAY_DATA_ENDS: string = `${Object.keys(holidayJp.holidays)
  .reduce((last, day) => (day > last ? day : last), '')
  .slice(0, 4)}-12-31`;

/** A YYYY-MM-DD calendar date as a day number (days since 1970-01-01); refuses a bad date. */
export function dayOf(date: string, field = 'date'): number {
  const m = DATE.exec(date);
  const day = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS : NaN;
  if (!m || !Number.isInteger(day) || dateOf(day) !== date)
    throw new HogoError('incidents.invalid_date', `${field}: ${date} is not a date YYYY-MM-DD`, {
      path: field,
    });
  return day;
}

/** A day number as YYYY-MM-DD. */
export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Whether a day closes government offices: Saturday, Sunday, a national holiday (Act on
 * National Holidays, as `@holiday-jp/holiday_jp` lists them) or 29 December–3 January (Act on
 * Holidays of Administrative Organs Art. 1(1)(iii)), the days a period's last day passes over.
 */
export function isClosedDay(day: number): boolean {
  const date = dateOf(day);
  if (date > HOLIDAY_DATA_ENDS)
    // Beyond the package's data a holiday could be missed and a deadline stated too early.
    throw new HogoError(
      'incidents.calendar_ends',
      `the holiday calendar ends on ${HOLIDAY_DATA_ENDS}; ${date} cannot be counted`,
      { date, dataEnds: HOLIDAY_DATA_ENDS },
    );
  const weekday = new Date(day * DAY_MS).getUTCDay();
  const monthDay = date.slice(5);
  return (
    weekday === 0 ||
    weekday === 6 ||
    monthDay >= '12-29' ||
    monthDay <= '01-03' ||
    Object.hasOwn(holidayJp.holidays, date)
  );
}

/** The day itself if offices are open, otherwise the next day they are (Civil Code Art. 142). */
export function rollToBusinessDay(day: number): number {
  let d = day;
  while (isClosedDay(d)) d += 1;
  return d;
}
