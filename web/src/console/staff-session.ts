const KEY = 'hogo.staff';

/** The staff session token of this tab, if any. */
export function loadStaffToken(): string | null {
  return sessionStorage.getItem(KEY);
}

/** Keeps (or, with null, forgets) the staff session token of this tab. */
export function saveStaffToken(token: string | null): void {
  if (token === null) sessionStorage.removeItem(KEY);
  else sessionStorage.setItem(KEY, token);
}
