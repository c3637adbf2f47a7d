// Han, hiragana, katakana (with the prolonged sound mark): a name written the Japanese way.
const JAPANESE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々]+$/u;

/**
 * A registered name as last and first name, only where the order is not in doubt: two parts in
 * Japanese script, family name first ('山田 太郎'). Any other form is left unsplit (undefined)
 * rather than guessed.
 */
export function splitName(
  value: string,
): { readonly lastName: string; readonly firstName: string } | undefined {
  const parts = value.trim().split(/\s+/u);
  if (parts.length !== 2) return undefined;
  const [lastName, firstName] = parts as [string, string];
  return JAPANESE.test(lastName) && JAPANESE.test(firstName) ? { lastName, firstName } : undefined;
}
