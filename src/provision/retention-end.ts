const JST_OFFSET_MS = 9 * 3_600_000;

/** The same instant `years` calendar years later in Japan time (29 Feb → 1 Mar). */
export function addJapanYears(ms: number, years: number): number {
  const local = new Date(ms + JST_OFFSET_MS);
  local.setUTCFullYear(local.getUTCFullYear() + years);
  return local.getTime() - JST_OFFSET_MS;
}

/**
 * APPI Art. 29(2), Rule 21: a provision record is kept 3 years from its creation; when a
 * contract serves as the record (Rule 19(2)), 1 year after the last provision to that
 * recipient. The caller extends earlier rows when a later provision comes.
 */
export function retentionEnd(createdAt: number, recordByContract: boolean): number {
  return addJapanYears(createdAt, recordByContract ? 1 : 3);
}
