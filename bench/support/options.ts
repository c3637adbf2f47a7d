/** A benchmark's option `--name=V` (or `--name V`), or the fallback. */
export function option(args: readonly string[], name: string, fallback: string): string {
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  if (eq !== undefined) return eq.slice(name.length + 3);
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1]! : fallback;
}

/** A rate or count for people: rounded, with thousands separators. */
export const fmt = (n: number): string => Math.round(n).toLocaleString('en');

/** A target's verdict. */
export const met = (ok: boolean): string => (ok ? 'met' : 'NOT met');
