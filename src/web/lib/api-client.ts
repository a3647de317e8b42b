// Thin fetch wrapper for /api/v1: JSON in and out, session cookie, failures as ApiError.
import { ApiError, apiErrorFromResponse } from './api-error';
import { currentLocale } from './i18n';

export type QueryValue = string | number | boolean | null | undefined;

export function buildQuery(params: Record<string, QueryValue>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

let unauthorizedHandler: (() => void) | null = null;

/** Called on any 401 so the app can drop its cached user and go to the login page. */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

async function request<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const init: RequestInit = {
    method,
    signal,
    credentials: 'same-origin',
    headers: { Accept: 'application/json, application/problem+json', 'Accept-Language': currentLocale() },
  };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, init);
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError({ status: 0, title: 'network' });
  }
  if (!res.ok) {
    const err = await apiErrorFromResponse(res);
    if (res.status === 401 && !path.startsWith('/auth/login') && unauthorizedHandler) unauthorizedHandler();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, params?: Record<string, QueryValue>, signal?: AbortSignal) =>
    request<T>('GET', path + (params ? buildQuery(params) : ''), undefined, signal),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};
