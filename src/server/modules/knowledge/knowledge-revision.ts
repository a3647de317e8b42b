// A token that changes whenever what the public and the bot see changes (publish, unpublish, delete), so every
// server process can keep its built ranker until then and never serve a stale one.
import type { DbOrTrx } from '../../core/db/database.js';
import { newId } from '../../core/ids.js';

const KEY = 'knowledge.revision';

export async function bumpKnowledgeRevision(trx: DbOrTrx): Promise<void> {
  const value = JSON.stringify(newId());
  await trx.insertInto('settings').values({ key: KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

export async function knowledgeRevision(db: DbOrTrx): Promise<string> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  return row?.value ?? 'none';
}
