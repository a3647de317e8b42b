// Maps server field errors (`emails.0`, `customFields.size`) onto the names of form inputs.
import { ApiError } from './api-error';

/** Collapses indexed paths onto their list input (`emails.0` → `emails`) unless the form has that exact key. */
export function formErrorsFrom(err: unknown, listFields: string[] = []): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(err.fieldErrors())) {
    const head = path.split('.')[0] ?? path;
    const key = listFields.includes(head) ? head : path;
    if (!(key in out)) out[key] = message;
  }
  return out;
}
