// Households take part in merges, exports and erasure: a merged contact's place in a household goes with the merge
// (and comes back on undo), an exported person shows their household, an erased person leaves it.
import { registerContactDataParticipant } from '../../customers/index.js';

registerContactDataParticipant({
  key: 'households',
  async exportFor(db, contactId) {
    return db.selectFrom('householdMembers as m').innerJoin('households as h', 'h.id', 'm.householdId').select(['h.id', 'h.name', 'm.origin']).where('m.contactId', '=', contactId).execute();
  },
  /** The merged contact leaves its households (the survivor keeps its own); the ids let an undo put it back. */
  async reassign(db, fromId) {
    const rows = await db.selectFrom('householdMembers').select(['householdId', 'origin']).where('contactId', '=', fromId).execute();
    await db.deleteFrom('householdMembers').where('contactId', '=', fromId).execute();
    return rows.map((r) => `${r.householdId}:${r.origin}`);
  },
  async restore(db, ids, toId) {
    for (const id of ids) {
      const [householdId, origin] = id.split(':') as [string, 'auto' | 'manual' | 'excluded'];
      const exists = await db.selectFrom('households').select('id').where('id', '=', householdId).executeTakeFirst();
      if (exists) await db.insertInto('householdMembers').values({ householdId, contactId: toId, origin, createdAt: new Date().toISOString() }).onConflict((oc) => oc.doNothing()).execute();
    }
  },
  async erase(db, contactId) {
    const res = await db.deleteFrom('householdMembers').where('contactId', '=', contactId).executeTakeFirst();
    return Number(res.numDeletedRows);
  },
});
