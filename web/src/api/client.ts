import type { CsrfToken, Problem } from './types.ts';

const BASE = '/api/v1';
const LANG_KEY = 'congdoan.lang';

export type Lang = 'vi' | 'en';

export function storedLang(): Lang | null {
  const v = localStorage.getItem(LANG_KEY);
  return v === 'en' || v === 'vi' ? v : null;
}
export function storeLang(lang: Lang) {
  localStorage.setItem(LANG_KEY, lang);
}
const currentLang = (): Lang => storedLang() ?? 'vi';

/** A failed call, carrying the server's problem+json so forms can show its messages. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: Record<string, string>;

  constructor(status: number, problem: Partial<Problem>) {
    super(problem.title ?? `HTTP ${status}`);
    this.status = status;
    this.code = problem.code ?? 'http_error';
    this.fieldErrors = {};
    for (const e of problem.errors ?? []) {
      const field = e.field.replace(/^(body|query|params)[./]/, '');
      const prev = this.fieldErrors[field];
      this.fieldErrors[field] = prev ? `${prev} ${e.message}` : e.message;
    }
  }
}

let csrfToken: string | null = null;

/** Fetches a fresh CSRF token (after load, after log-in, or when the server refused ours). */
export async function refreshCsrf(): Promise<string> {
  const res = await fetch(`${BASE}/auth/csrf`, {
    credentials: 'same-origin',
    headers: { 'Accept-Language': currentLang() },
  });
  if (!res.ok) throw await toError(res);
  csrfToken = ((await res.json()) as CsrfToken).token;
  return csrfToken;
}

async function toError(res: Response): Promise<ApiError> {
  let body: Partial<Problem> = {};
  try {
    body = (await res.json()) as Partial<Problem>;
  } catch {
    // not JSON (e.g. a proxy error page): keep the status only
  }
  return new ApiError(res.status, body);
}

type Query = Record<string, string | number | undefined | null>;

function url(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return `${BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function send<T>(method: string, path: string, body?: unknown, query?: Query, retried = false): Promise<T> {
  const headers: Record<string, string> = { 'Accept-Language': currentLang(), Accept: 'application/json' };
  const raw = body instanceof Blob;
  if (body !== undefined) headers['Content-Type'] = raw ? 'application/octet-stream' : 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken ?? (await refreshCsrf());
  const res = await fetch(url(path, query), {
    method,
    headers,
    credentials: 'same-origin',
    body: raw ? body : body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.ok) {
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  const err = await toError(res);
  if (method !== 'GET' && !retried && res.status === 403 && err.code === 'csrf_invalid') {
    await refreshCsrf();
    return send<T>(method, path, body, query, true);
  }
  throw err;
}

export const api = {
  get: <T>(path: string, query?: Query) => send<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => send<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => send<T>('PATCH', path, body),
  /** A file as the raw request body (application/octet-stream), e.g. a spreadsheet to import. */
  upload: <T>(path: string, file: Blob, query?: Query) => send<T>('POST', path, file, query),
};
