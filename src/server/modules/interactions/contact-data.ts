// The timeline's part in merges, per-person exports and erasure of a contact.
import { registerContactDataParticipant } from '../customers/index.js';

registerContactDataParticipant({
  key: 'interactions',
  async exportFor(db, contactId) {
    return db.selectFrom('interactions').selectAll().where('contactId', '=', contactId).orderBy('occurredAt').execute();
  },
  async reassign(db, fromId, toId) {
    const rows = await db.selectFrom('interactions').select('id').where('contactId', '=', fromId).execute();
    if (rows.length) await db.updateTable('interactions').set({ contactId: toId }).where('contactId', '=', fromId).execute();
    return rows.map((r) => r.id);
  },
  async restore(db, ids, toId) {
    for (let i = 0; i < ids.length; i += 500) await db.updateTable('interactions').set({ contactId: toId }).where('id', 'in', ids.slice(i, i + 500)).execute();
  },
  async erase(db, contactId) {
    const res = await db.deleteFrom('interactions').where('contactId', '=', contactId).executeTakeFirst();
    return Number(res.numDeletedRows);
  },
});
