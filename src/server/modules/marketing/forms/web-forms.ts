// Embeddable forms: made in the builder (fields mapped onto the contact, consent text, double opt-in), served to
// pages as JSON (script embed) or as an HTML page (iframe).
import type { Db } from '../../../core/db/database.js';
import { AppError, notFound } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import type { WebFormsTable } from '../tracking/tracking-tables.js';
import { formLanguages, type FormField, type WebForm, type WebFormDirectoryEntry, type WebFormInput } from './form-schemas.js';

const defaults = {
  en: { submitLabel: 'Submit', successMessage: 'Thank you! We received your details.' },
  'zh-CN': { submitLabel: '提交', successMessage: '谢谢！我们已收到您的信息。' },
};

export type FormLanguage = (typeof formLanguages)[number];

export interface LoadedForm {
  id: string;
  name: string;
  siteId: string | null;
  fields: FormField[];
  consentText: string | null;
  doubleOptIn: boolean;
  language: FormLanguage;
  submitLabel: string;
  successMessage: string;
  enabled: boolean;
  createdAt: string;
}

export const toLoadedForm = (r: WebFormsTable): LoadedForm => ({
  id: r.id,
  name: r.name,
  siteId: r.siteId,
  fields: JSON.parse(r.fields) as FormField[],
  consentText: r.consentText,
  doubleOptIn: r.doubleOptIn === 1,
  language: (formLanguages as readonly string[]).includes(r.language) ? (r.language as FormLanguage) : 'en',
  submitLabel: r.submitLabel,
  successMessage: r.successMessage,
  enabled: r.enabled === 1,
  createdAt: r.createdAt,
});

async function checkSite(db: Db, siteId: string | null | undefined): Promise<void> {
  if (siteId && !(await db.kysely.selectFrom('webSites').select('id').where('id', '=', siteId).executeTakeFirst())) {
    throw new AppError('validation', 'That website does not exist', [{ path: 'siteId', message: 'unknown website' }]);
  }
}

export async function loadForm(db: Db, id: string): Promise<LoadedForm | null> {
  const row = await db.kysely.selectFrom('webForms').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toLoadedForm(row) : null;
}

async function withCounts(db: Db, forms: LoadedForm[]): Promise<WebForm[]> {
  if (!forms.length) return [];
  const counts = await db.kysely
    .selectFrom('webFormSubmissions')
    .select(['formId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('formId', 'in', forms.map((f) => f.id))
    .groupBy('formId')
    .execute();
  const by = new Map(counts.map((c) => [c.formId, Number(c.n)]));
  return forms.map((f) => ({ ...f, submissions: by.get(f.id) ?? 0 }));
}

export async function listForms(db: Db): Promise<WebForm[]> {
  const rows = await db.kysely.selectFrom('webForms').selectAll().orderBy('createdAt', 'desc').orderBy('id', 'desc').execute();
  return withCounts(db, rows.map(toLoadedForm));
}

/** Every form's id, name and whether it is on, by name: no fields, consent text or counts. */
export async function listFormDirectory(db: Db): Promise<WebFormDirectoryEntry[]> {
  const rows = await db.kysely.selectFrom('webForms').select(['id', 'name', 'enabled']).orderBy('name').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, enabled: r.enabled === 1 }));
}

export async function getForm(db: Db, id: string): Promise<WebForm> {
  const form = await loadForm(db, id);
  if (!form) throw notFound('Form');
  return (await withCounts(db, [form]))[0]!;
}

export async function createForm(db: Db, input: WebFormInput): Promise<WebForm> {
  await checkSite(db, input.siteId);
  const at = nowIso();
  const language = input.language ?? 'en';
  const row: WebFormsTable = {
    id: newId(),
    name: input.name,
    siteId: input.siteId ?? null,
    fields: JSON.stringify(input.fields),
    consentText: input.consentText || null,
    doubleOptIn: input.doubleOptIn ? 1 : 0,
    language,
    submitLabel: input.submitLabel ?? defaults[language].submitLabel,
    successMessage: input.successMessage ?? defaults[language].successMessage,
    enabled: input.enabled === false ? 0 : 1,
    createdAt: at,
    updatedAt: at,
  };
  await db.kysely.insertInto('webForms').values(row).execute();
  return getForm(db, row.id);
}

export async function updateForm(db: Db, id: string, input: Partial<WebFormInput>): Promise<WebForm> {
  const form = await loadForm(db, id);
  if (!form) throw notFound('Form');
  await checkSite(db, input.siteId);
  await db.kysely
    .updateTable('webForms')
    .set({
      name: input.name ?? form.name,
      siteId: input.siteId === undefined ? form.siteId : input.siteId,
      fields: input.fields ? JSON.stringify(input.fields) : JSON.stringify(form.fields),
      consentText: input.consentText === undefined ? form.consentText : input.consentText || null,
      doubleOptIn: (input.doubleOptIn ?? form.doubleOptIn) ? 1 : 0,
      language: input.language ?? form.language,
      submitLabel: input.submitLabel ?? form.submitLabel,
      successMessage: input.successMessage ?? form.successMessage,
      enabled: (input.enabled ?? form.enabled) ? 1 : 0,
      updatedAt: nowIso(),
    })
    .where('id', '=', id)
    .execute();
  return getForm(db, id);
}

export async function deleteForm(db: Db, id: string): Promise<void> {
  const res = await db.kysely.deleteFrom('webForms').where('id', '=', id).executeTakeFirst();
  if (!Number(res.numDeletedRows)) throw notFound('Form');
}

const typeOf = (key: string) => (key === 'email' ? 'email' : key === 'phone' ? 'phone' : key === 'message' ? 'textarea' : 'text') as 'email' | 'phone' | 'textarea' | 'text';
const autocompleteOf: Record<string, string> = { email: 'email', name: 'name', givenName: 'given-name', familyName: 'family-name', phone: 'tel', company: 'organization', title: 'organization-title' };

/** The form as a page renders it. */
export function publicForm(f: LoadedForm) {
  return {
    id: f.id,
    fields: f.fields.map((x) => ({ key: x.key, label: x.label, required: x.required, type: typeOf(x.key), ...(autocompleteOf[x.key] ? { autocomplete: autocompleteOf[x.key] } : {}) })),
    consentText: f.consentText,
    submitLabel: f.submitLabel,
    successMessage: f.successMessage,
  };
}
