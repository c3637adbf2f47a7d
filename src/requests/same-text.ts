/**
 * Whether two texts say the same for a caller's check (PROVIDE.FAMILY): compared after NFKC
 * (full-width and half-width alike), ignoring every space and letter case.
 */
export function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
  const x = norm(a);
  return x.length > 0 && x === norm(b);
}
