// The custom fields of contacts or companies as import fields ("custom.<key>"), matched by their key or label.
import type { DbOrTrx } from '../../../../core/db/database.js';
import type { FieldType, ImportField } from '../import-target.js';

const typeOf: Record<string, FieldType> = { text: 'text', number: 'number', date: 'date', boolean: 'boolean', select: 'select', multiselect: 'multiselect' };

export async function customFieldColumns(db: DbOrTrx, object: 'contact' | 'company'): Promise<ImportField[]> {
  // Read-only use of the customers module's definitions: the values are validated here exactly as its service does.
  const rows = await db.selectFrom('customFields').select(['key', 'label', 'type', 'options']).where('object', '=', object).orderBy('createdAt').execute();
  return rows.map((r) => ({ key: `custom.${r.key}`, label: r.label, type: typeOf[r.type] ?? 'text', options: JSON.parse(r.options) as string[], aliases: [r.key] }));
}

/** Gathers "custom.x" values of a cleaned row into the object stored in the custom column. */
export function customValues(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) if (k.startsWith('custom.')) out[k.slice(7)] = v;
  return out;
}
