// Survey answers in a contact's merge (moved to the survivor, back on undo), per-person export and erasure.
import { registerContactDataParticipant } from '../../customers/index.js';

registerContactDataParticipant({
  key: 'service.surveys',
  async exportFor(db, contactId) {
    return db.selectFrom('surveys').select(['id', 'ticketId', 'csat', 'nps', 'comment', 'answeredAt', 'sentVia', 'sentAt', 'createdAt']).where('contactId', '=', contactId).orderBy('createdAt').execute();
  },
  async reassign(db, fromId, toId) {
    const rows = await db.selectFrom('surveys').select('id').where('contactId', '=', fromId).execute();
    if (rows.length) await db.updateTable('surveys').set({ contactId: toId }).where('contactId', '=', fromId).execute();
    return rows.map((r) => r.id);
  },
  async restore(db, ids, toId) {
    for (let i = 0; i < ids.length; i += 500) await db.updateTable('surveys').set({ contactId: toId }).where('id', 'in', ids.slice(i, i + 500)).execute();
  },
  async erase(db, contactId) {
    const res = await db.deleteFrom('surveys').where('contactId', '=', contactId).executeTakeFirst();
    return Number(res.numDeletedRows);
  },
});
