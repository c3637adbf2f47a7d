/** The calendar day (YYYY-MM-DD) of an instant in a fixed offset such as '+09:00'. */
export function dayIn(offset: string, at: number): string {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  const minutes = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  return new Date(at + minutes * 60_000).toISOString().slice(0, 10);
}

/** The day `months` months after `day` (YYYY-MM-DD), the end of a shorter month kept. */
export function addMonths(day: string, months: number): string {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, mo - 1 + months, 1));
  const last = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}
