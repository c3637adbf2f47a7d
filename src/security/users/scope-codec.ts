import type { Scope } from '../principal.ts';

/** A scope list as stored: 'all' or a JSON array of names. */
export function encodeScopeList(list: 'all' | readonly string[] | undefined): string {
  return list === undefined || list === 'all' ? 'all' : JSON.stringify([...new Set(list)].sort());
}

/** The scope a stored row grants. */
export function decodeScope(categories: string, purposes: string, groups = 'all'): Scope {
  return {
    categories: decodeList(categories),
    purposes: decodeList(purposes),
    groups: decodeList(groups),
  };
}

/** A scope as plain data for the wire ('all' or a sorted list). */
export function scopeToJson(scope: Scope): {
  categories: 'all' | string[];
  purposes: 'all' | string[];
  groups: 'all' | string[];
} {
  const list = (s: 'all' | ReadonlySet<string>) => (s === 'all' ? 'all' : [...s].sort());
  return {
    categories: list(scope.categories),
    purposes: list(scope.purposes),
    groups: list(scope.groups ?? 'all'),
  };
}

function decodeList(text: string): 'all' | ReadonlySet<string> {
  return text === 'all' ? 'all' : new Set(JSON.parse(text) as string[]);
}
