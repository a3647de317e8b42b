// After a deal is won, its contacts become customers (through the customers module, so its audit and events apply).
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { updateContact } from '../../customers/index.js';

export async function markContactsCustomers(db: Db, actor: Actor, contactIds: string[]): Promise<void> {
  // The win is the actor's; the contacts on their deal may belong to a colleague, so the scope is lifted for this one change.
  const as: Actor = { ...actor, visibility: 'all' };
  for (const contactId of contactIds) {
    const row = await db.kysely.selectFrom('contacts').select('lifecycleStage').where('id', '=', contactId).executeTakeFirst();
    if (row && row.lifecycleStage !== 'customer') await updateContact(db, as, contactId, { lifecycleStage: 'customer' });
  }
}
