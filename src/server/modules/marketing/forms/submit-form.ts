// A visitor's submission, as received: checked against the form's fields (required, e-mail, lengths, nothing
// unknown), stored first (spam too, marked as such) and processed later by the worker.
import type { Db } from '../../../core/db/database.js';
import { AppError, type FieldError } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import { z } from 'zod';
import type { SubmissionInput } from './form-schemas.js';
import type { LoadedForm } from './web-forms.js';

const email = z.string().trim().toLowerCase().pipe(z.email());
const MAX_FIELD = 2000;
const MAX_SHORT = 200;

/** The values to keep: trimmed, only the form's own fields; a 422 naming each wrong field otherwise. */
export function checkValues(form: LoadedForm, sent: Record<string, string>): Record<string, string> {
  const errors: FieldError[] = [];
  const out: Record<string, string> = {};
  const known = new Set(form.fields.map((f) => f.key));
  for (const k of Object.keys(sent)) if (!known.has(k)) errors.push({ path: `fields.${k}`, message: 'unknown field' });
  for (const f of form.fields) {
    const v = (sent[f.key] ?? '').trim();
    if (!v) {
      if (f.required) errors.push({ path: `fields.${f.key}`, message: 'required' });
      continue;
    }
    if (f.key === 'email') {
      const parsed = email.safeParse(v);
      if (!parsed.success) errors.push({ path: 'fields.email', message: 'not a valid email address' });
      else out.email = parsed.data;
      continue;
    }
    const max = f.key === 'message' ? MAX_FIELD : MAX_SHORT;
    if (v.length > max) errors.push({ path: `fields.${f.key}`, message: `at most ${max} characters` });
    else out[f.key] = v;
  }
  if (errors.length) throw new AppError('validation', 'Some fields of the form are not filled in correctly', errors);
  return out;
}

export interface SubmissionContext {
  pageUrl: string | null;
  referrer: string | null;
  utm: Record<string, string> | null;
  visitor: string | null;
  site: string | null;
  /** This server's address as the visitor reached it (the confirmation link points there). */
  baseUrl: string;
  language: string;
}

/** Stores the submission; a filled honeypot is stored as spam and never processed. Returns its id. */
export async function storeSubmission(db: Db, form: LoadedForm, input: SubmissionInput, ctx: Omit<SubmissionContext, 'pageUrl' | 'referrer' | 'utm' | 'visitor' | 'site' | 'language'>): Promise<{ id: string; spam: boolean }> {
  const spam = Boolean(input.website?.trim());
  const fields = spam ? Object.fromEntries(Object.entries(input.fields).map(([k, v]) => [k.slice(0, 60), String(v).slice(0, 200)])) : checkValues(form, input.fields);
  const context: SubmissionContext = { pageUrl: input.pageUrl ?? null, referrer: input.referrer ?? null, utm: input.utm && Object.keys(input.utm).length ? (input.utm as Record<string, string>) : null, visitor: input.visitor ?? null, site: input.site ?? null, baseUrl: ctx.baseUrl, language: form.language };
  const id = newId();
  await db.kysely
    .insertInto('webFormSubmissions')
    .values({ id, formId: form.id, status: spam ? 'spam' : 'received', data: JSON.stringify({ fields, consent: !!input.consent && !!form.consentText }), context: JSON.stringify(context), contactId: null, error: null, receivedAt: nowIso(), processedAt: null, confirmedAt: null })
    .execute();
  return { id, spam };
}
