// ApiError: an RFC 9457 problem+json answer (or a network failure) turned into something the UI can show.
import { localizeServerMessage } from './server-message';

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | null;
  readonly type: string | null;
  readonly errors: FieldError[];

  constructor(init: { status: number; title: string; detail?: string | null; type?: string | null; errors?: FieldError[] }) {
    super(init.detail ?? init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail ?? null;
    this.type = init.type ?? null;
    this.errors = init.errors ?? [];
  }

  /** Field errors keyed by path (`emails.0`, `displayName`), for form.setErrors. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.errors) {
      const key = e.path.replace(/^\/+/, '').replace(/\//g, '.').replace(/^body\./, '');
      if (!(key in out)) out[key] = localizeServerMessage(e.message);
    }
    return out;
  }

  /** Network failures carry status 0. */
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

function asString(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

function parseFieldErrors(v: unknown): FieldError[] {
  if (!Array.isArray(v)) return [];
  const out: FieldError[] = [];
  for (const item of v) {
    if (item && typeof item === 'object') {
      const rec = item as Record<string, unknown>;
      const rawPath = rec.path;
      const path = Array.isArray(rawPath) ? rawPath.join('.') : asString(rawPath) ?? '';
      out.push({ path, message: asString(rec.message) ?? '' });
    }
  }
  return out;
}

/** Builds an ApiError from a failed response, never exposing raw bodies or stack traces. */
export async function apiErrorFromResponse(res: Response): Promise<ApiError> {
  let body: unknown = null;
  const text = await res.text().catch(() => '');
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  const rec = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  return new ApiError({
    status: res.status,
    title: asString(rec.title) ?? (res.statusText || `HTTP ${res.status}`),
    detail: asString(rec.detail) ?? asString(rec.message),
    type: asString(rec.type),
    errors: parseFieldErrors(rec.errors),
  });
}
