// Custom fields an admin defines per object; values are validated on write against their definition.
import { z } from 'zod';
import { sql, type RawBuilder } from 'kysely';
import type { Db, DbOrTrx, Engine } from '../../core/db/database.js';
import type { Actor } from '../../core/auth/actor.js';
import { AppError, notFound, type FieldError } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { writeAudit } from '../../core/audit/audit-log.js';

export const customFieldTypes = ['text', 'number', 'date', 'boolean', 'select', 'multiselect'] as const;
export type CustomFieldObject = 'contact' | 'company';

export const customFieldSchema = z.object({
  id: z.string(),
  object: z.enum(['contact', 'company']),
  key: z.string(),
  label: z.string(),
  type: z.enum(customFieldTypes),
  options: z.array(z.string()),
  createdAt: z.string(),
});
export type CustomField = z.infer<typeof customFieldSchema>;

export const createCustomFieldBody = z.strictObject({
  object: z.enum(['contact', 'company']),
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case letters, digits and _ (e.g. vip_level)'),
  label: z.string().trim().min(1).max(100),
  type: z.enum(customFieldTypes),
  options: z.array(z.string().trim().min(1).max(100)).max(200).optional(),
});
export const patchCustomFieldBody = z.strictObject({ label: z.string().trim().min(1).max(100).optional(), options: z.array(z.string().trim().min(1).max(100)).max(200).optional() });

const toField = (r: { id: string; object: string; key: string; label: string; type: string; options: string; createdAt: string }): CustomField =>
  ({ ...r, options: JSON.parse(r.options) }) as CustomField;

export async function listCustomFields(db: DbOrTrx, object?: CustomFieldObject): Promise<CustomField[]> {
  let q = db.selectFrom('customFields').selectAll().orderBy('createdAt');
  if (object) q = q.where('object', '=', object);
  return (await q.execute()).map(toField);
}

export async function createCustomField(db: Db, actor: Actor, input: z.infer<typeof createCustomFieldBody>): Promise<CustomField> {
  const needsOptions = input.type === 'select' || input.type === 'multiselect';
  if (needsOptions && !input.options?.length) throw new AppError('validation', 'A select field needs at least one option', [{ path: 'options', message: 'required for select fields' }]);
  const exists = await db.kysely.selectFrom('customFields').select('id').where('object', '=', input.object).where('key', '=', input.key).executeTakeFirst();
  if (exists) throw new AppError('conflict', `The ${input.object} field "${input.key}" already exists`, [{ path: 'key', message: 'already in use' }]);
  const row = { id: newId(), object: input.object, key: input.key, label: input.label, type: input.type, options: JSON.stringify(needsOptions ? input.options : []), createdAt: nowIso() };
  await db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('customFields').values(row).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'create', entity: 'custom_field', entityId: row.id, after: toField(row) });
  });
  return toField(row);
}

export async function updateCustomField(db: Db, actor: Actor, id: string, patch: z.infer<typeof patchCustomFieldBody>): Promise<CustomField> {
  const before = await db.kysely.selectFrom('customFields').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw notFound('Custom field');
  const after = { ...before, ...(patch.label && { label: patch.label }), ...(patch.options && { options: JSON.stringify(patch.options) }) };
  await db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('customFields').set({ label: after.label, options: after.options }).where('id', '=', id).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'custom_field', entityId: id, before: toField(before), after: toField(after) });
  });
  return toField(after);
}

export async function deleteCustomField(db: Db, actor: Actor, id: string): Promise<void> {
  const before = await db.kysely.selectFrom('customFields').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw notFound('Custom field');
  await db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom('customFields').where('id', '=', id).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'delete', entity: 'custom_field', entityId: id, before: toField(before) });
  });
}

function checkValue(f: CustomField, v: unknown): string | null {
  switch (f.type) {
    case 'text':
      return typeof v === 'string' && v.length <= 2000 ? null : 'must be text of at most 2000 characters';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? null : 'must be a number';
    case 'date':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? null : 'must be a date as YYYY-MM-DD';
    case 'boolean':
      return typeof v === 'boolean' ? null : 'must be true or false';
    case 'select':
      return typeof v === 'string' && f.options.includes(v) ? null : `must be one of: ${f.options.join(', ')}`;
    case 'multiselect':
      return Array.isArray(v) && v.every((x) => typeof x === 'string' && f.options.includes(x)) ? null : `must be a list of: ${f.options.join(', ')}`;
  }
}

/** Validates values against the definitions; null removes a value. Returns the merged object. */
export function applyCustomValues(fields: CustomField[], current: Record<string, unknown>, input: Record<string, unknown>): Record<string, unknown> {
  const errors: FieldError[] = [];
  const out = { ...current };
  for (const [key, value] of Object.entries(input)) {
    const f = fields.find((x) => x.key === key);
    if (!f) errors.push({ path: `customFields.${key}`, message: 'no such custom field' });
    else if (value === null) delete out[key];
    else {
      const problem = checkValue(f, value);
      if (problem) errors.push({ path: `customFields.${key}`, message: `${f.label} ${problem}` });
      else out[key] = value;
    }
  }
  if (errors.length) throw new AppError('validation', 'Some custom field values are not valid', errors);
  return out;
}

/** SQL for a custom field's value in a JSON text column, typed so sorting and comparing work on both engines. */
export function customValueSql(engine: Engine, column: string, f: CustomField): RawBuilder<unknown> {
  const path = `$.${f.key}`;
  if (engine === 'sqlite') return sql`json_extract(${sql.ref(column)}, ${path})`;
  const text = sql`(${sql.ref(column)}::jsonb ->> ${f.key})`;
  if (f.type === 'number') return sql`(${text})::numeric`;
  if (f.type === 'boolean') return sql`(${text})::boolean`;
  return text;
}

/** Filter value from the query string, converted to the field's type; multiselect matches "contains". */
export function customFilterSql(engine: Engine, column: string, f: CustomField, raw: string): RawBuilder<boolean> {
  if (f.type === 'multiselect') {
    return engine === 'sqlite'
      ? sql<boolean>`exists (select 1 from json_each(${sql.ref(column)}, ${'$.' + f.key}) where value = ${raw})`
      : sql<boolean>`(${sql.ref(column)}::jsonb -> ${f.key}) ? ${raw}`;
  }
  const expr = customValueSql(engine, column, f);
  if (f.type === 'number') {
    const n = Number(raw);
    if (!Number.isFinite(n)) throw new AppError('validation', `${f.label} filter must be a number`, [{ path: `cf.${f.key}`, message: 'must be a number' }]);
    return sql<boolean>`${expr} = ${n}`;
  }
  if (f.type === 'boolean') {
    const b = raw === 'true' || raw === '1';
    return engine === 'sqlite' ? sql<boolean>`${expr} = ${b ? 1 : 0}` : sql<boolean>`${expr} = ${b}`;
  }
  return sql<boolean>`${expr} = ${raw}`;
}
