// Erasure support for the data module's privacy requests: removes a contact's own rows (tags, search row, record)
// inside the caller's transaction, without the audit "delete" entry a normal delete writes (it would keep the data).
import type { DbOrTrx } from '../../core/db/database.js';
import { unindexEntity } from './search-index.js';

export async function eraseContactRecord(trx: DbOrTrx, id: string): Promise<boolean> {
  await trx.deleteFrom('tags').where('entity', '=', 'contact').where('entityId', '=', id).execute();
  await unindexEntity(trx, 'contact', id);
  const res = await trx.deleteFrom('contacts').where('id', '=', id).executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}
