// RFM scores as part of a contact's data: in their export, gone on erasure, dropped on a merge (the next daily run
// scores the survivor with the merged orders).
import { registerContactDataParticipant } from '../../customers/index.js';

registerContactDataParticipant({
  key: 'rfm',
  async exportFor(db, contactId) {
    return (await db.selectFrom('rfm_scores').selectAll().where('contactId', '=', contactId).executeTakeFirst()) ?? null;
  },
  async reassign(db, fromId) {
    await db.deleteFrom('rfm_scores').where('contactId', '=', fromId).execute();
    return [];
  },
  async restore() {},
  async erase(db, contactId) {
    const r = await db.deleteFrom('rfm_scores').where('contactId', '=', contactId).executeTakeFirst();
    return Number(r.numDeletedRows);
  },
});
