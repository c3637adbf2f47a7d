/** An error answer of the hogo API: `{ error: { code, message, … } }` with its status. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;
  constructor(status: number, code: string, message: string, details: Record<string, unknown>) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** What a call sends: a bearer token and a JSON body, both optional. */
export interface CallOptions {
  readonly token?: string | null;
  readonly body?: unknown;
}

async function send(method: string, path: string, options: CallOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  if (response.ok) return response;
  let error: Record<string, unknown> = {};
  try {
    error = ((await response.json()) as { error?: Record<string, unknown> }).error ?? {};
  } catch {
    // Not JSON: the status speaks for itself.
  }
  const { code, message, ...details } = error;
  throw new ApiError(
    response.status,
    typeof code === 'string' ? code : `http.${response.status}`,
    typeof message === 'string' ? message : response.statusText,
    details,
  );
}

/** Calls the API and reads its JSON answer (null for 204); throws ApiError on 4xx/5xx. */
export async function api<T>(method: string, path: string, options: CallOptions = {}): Promise<T> {
  const response = await send(method, path, options);
  if (response.status === 204) return null as T;
  return (await response.json()) as T;
}

/** Fetches a file the API answers and hands it to the browser as a download. */
export async function download(path: string, token: string, fallbackName: string): Promise<void> {
  const response = await send('GET', path, { token });
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A query string of the defined, non-empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}
