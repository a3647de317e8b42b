// Tags of contacts and companies, kept in their own table so "tag = vip" is an index lookup.
import type { DbOrTrx } from '../../core/db/database.js';

export async function loadTags(db: DbOrTrx, entity: string, ids: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (ids.length === 0) return map;
  // No ORDER BY: it would steer the planner to the (entity, tag) index and a scan of every tag; sort here instead.
  const rows = await db.selectFrom('tags').select(['entityId', 'tag']).where('entity', '=', entity).where('entityId', 'in', ids).execute();
  for (const r of rows) map.set(r.entityId, [...(map.get(r.entityId) ?? []), r.tag]);
  for (const list of map.values()) list.sort();
  return map;
}

export async function setTags(db: DbOrTrx, entity: string, id: string, tags: string[]): Promise<void> {
  await db.deleteFrom('tags').where('entity', '=', entity).where('entityId', '=', id).execute();
  const unique = [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
  if (unique.length) await db.insertInto('tags').values(unique.map((tag) => ({ entity, entityId: id, tag }))).execute();
}
