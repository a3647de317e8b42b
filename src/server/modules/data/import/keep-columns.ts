// "Keep as a new custom field": a column no field takes becomes a text custom field of its own, and the mapping sends
// the column there. Used by `rapport import --create-fields`; the web wizard does the same through POST /custom-fields.
import { createHash } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db/database.js';
import { createCustomField } from '../../customers/index.js';
import type { Mapping } from './column-mapping.js';

const objectOf: Record<string, 'contact' | 'company'> = { contacts: 'contact', companies: 'company' };

/** A custom field key from a header: "Favorite Color" -> favorite_color; one with no Latin letters (备注) -> col_<hash>. */
export function fieldKeyFor(header: string): string {
  const slug = header.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^[^a-z]+|_+$/g, '').slice(0, 40);
  return slug.length >= 2 ? slug : `col_${createHash('sha256').update(header).digest('hex').slice(0, 8)}`;
}

/** Creates (or reuses) a text custom field for each unmapped column and answers the mapping with them mapped. */
export async function keepColumnsAsFields(db: Db, actor: Actor, object: string, headers: string[], mapping: Mapping): Promise<{ mapping: Mapping; created: string[] }> {
  const entity = objectOf[object];
  if (!entity) return { mapping, created: [] };
  const existing = new Set((await db.kysely.selectFrom('customFields').select('key').where('object', '=', entity).execute()).map((r) => r.key));
  const out: Mapping = { ...mapping };
  const created: string[] = [];
  for (const h of headers) {
    if (out[h]) continue;
    const key = fieldKeyFor(h);
    if (!existing.has(key)) {
      await createCustomField(db, actor, { object: entity, key, label: h.slice(0, 100), type: 'text' });
      existing.add(key);
      created.push(key);
    }
    out[h] = `custom.${key}`;
  }
  return { mapping: out, created };
}
