// Whether the actor may see what a duplicate pair or a merge names: a pair or merge that names a contact or company
// the actor may not see is not found, like the record itself (a record deleted since hides nothing).
import type { DbOrTrx } from '../../../core/db/database.js';
import { canSee, type Actor } from '../../../core/auth/actor.js';
import { findCompanyRow, findContactRow } from '../../customers/index.js';

/** True when one of these records still exists and the actor may not see it. */
export async function namesHiddenRecord(db: DbOrTrx, actor: Actor, entity: 'contact' | 'company', ids: string[]): Promise<boolean> {
  if (actor.visibility === 'all') return false;
  for (const id of ids) {
    const row = entity === 'contact' ? await findContactRow(db, id) : await findCompanyRow(db, id);
    if (row && !canSee(actor, row)) return true;
  }
  return false;
}
