// The seed must index contacts exactly as the API does: re-saving a seeded contact through the API must not change its search row.
import { request } from './http-client.js';
import type { Db } from '../src/server/core/db/database.js';

export async function checkSeedMatchesApi(base: string, headers: Record<string, string>, db: Db, ids: string[]): Promise<{ checked: number; mismatches: string[] }> {
  const row = (id: string) => db.kysely.selectFrom('searchIndex').select(['doc', 'grams']).where('entity', '=', 'contact').where('entityId', '=', id).executeTakeFirstOrThrow();
  const mismatches: string[] = [];
  for (const id of ids) {
    const before = await row(id);
    // A PATCH that changes nothing still rebuilds and rewrites the search row (contact-service.updateContact).
    const r = await request('PATCH', base, `/api/v1/contacts/${id}`, headers, {});
    if (r.status !== 200) throw new Error(`PATCH /contacts/${id} answered ${r.status}: ${r.body}`);
    const after = await row(id);
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      mismatches.push(`${id}\n  seed: ${JSON.stringify(before)}\n  api:  ${JSON.stringify(after)}`);
    }
  }
  return { checked: ids.length, mismatches };
}
