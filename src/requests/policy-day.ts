const DAY_MS = 86_400_000;

/** Milliseconds east of UTC for an offset like '+09:00' (the policy's `timezone.offset`). */
export function offsetMs(offset: string): number {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (m === null) throw new Error(`bad offset ${offset}`);
  const ms = (Number(m[2]) * 60 + Number(m[3])) * 60_000;
  return m[1] === '-' ? -ms : ms;
}

/** The calendar day number (days since 1970-01-01) of an instant, in the zone of `offset`. */
export function dayNumber(at: number, offset: string): number {
  return Math.floor((at + offsetMs(offset)) / DAY_MS);
}

/** The instant of midnight starting calendar day `day`, in the zone of `offset`. */
export function startOfDay(day: number, offset: string): number {
  return day * DAY_MS - offsetMs(offset);
}

/** A calendar day number as YYYY-MM-DD. */
export function dayText(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
