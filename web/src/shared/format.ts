const ZONE = 'Asia/Tokyo';

/** An instant (epoch ms or ISO text) as a Japan date and time, e.g. 2026/01/10 09:00. */
export function dateTime(at: number | string | null | undefined, lang: 'en' | 'ja' = 'en'): string {
  if (at === null || at === undefined) return '—';
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return String(at);
  return d.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: ZONE,
    year: 'numeric',
    month: lang === 'ja' ? 'numeric' : 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** A YYYY-MM-DD date as shown to people. */
export function day(date: string, lang: 'en' | 'ja' = 'en'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  if (lang === 'ja') return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  });
}

/** An amount of yen: ¥1,100 / 1,100円. */
export function yen(amount: number, lang: 'en' | 'ja' = 'en'): string {
  const n = amount.toLocaleString('ja-JP');
  return lang === 'ja' ? `${n}円` : `¥${n}`;
}

/** Whole days from now until an instant (negative when past). */
export function daysUntil(at: number, now = Date.now()): number {
  return Math.ceil((at - now) / 86_400_000);
}
