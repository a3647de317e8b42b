// Gives many contacts their owners at once (the assignment of an import's leads): one UPDATE per owner and 500
// contacts, where updateContact writes a statement, an audit entry and a contact.updated event per contact.
import type { DbOrTrx } from '../../core/db/database.js';
import { nowIso } from '../../core/ids.js';

/**
 * Call inside the caller's transaction, which audits the batch as a whole; `byOwner` maps an active user's id to the
 * contacts they now own. The contact follows its owner's team, as resolveOwner does for a single change.
 */
export async function setContactOwners(trx: DbOrTrx, byOwner: Map<string, string[]>): Promise<number> {
  if (byOwner.size === 0) return 0;
  const users = await trx.selectFrom('users').select(['id', 'teamId']).where('id', 'in', [...byOwner.keys()]).execute();
  const teamOf = new Map(users.map((u) => [u.id, u.teamId]));
  const now = nowIso();
  let changed = 0;
  for (const [ownerId, ids] of byOwner) {
    for (let i = 0; i < ids.length; i += 500) {
      const res = await trx.updateTable('contacts').set({ ownerId, teamId: teamOf.get(ownerId) ?? null, updatedAt: now }).where('id', 'in', ids.slice(i, i + 500)).executeTakeFirst();
      changed += Number(res.numUpdatedRows);
    }
  }
  return changed;
}
