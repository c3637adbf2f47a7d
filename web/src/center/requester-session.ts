/** A requester token from a one-time code, kept for this browser tab only. */
export interface RequesterSession {
  readonly token: string;
  /** Epoch ms. */
  readonly expiresAt: number;
}

const KEY = 'hogo.requester';

/** The session of this tab, if one is still valid. */
export function loadSession(): RequesterSession | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (raw === null) return null;
    const s = JSON.parse(raw) as RequesterSession;
    return s.expiresAt > Date.now() ? s : null;
  } catch {
    return null;
  }
}

/** Keeps (or, with null, forgets) the session of this tab. */
export function saveSession(session: RequesterSession | null): void {
  if (session === null) sessionStorage.removeItem(KEY);
  else sessionStorage.setItem(KEY, JSON.stringify(session));
}
