// The consent history's part in merges, per-person exports and erasure. A merge moves nothing: the history is
// append-only, so a merged contact's rows stay under its id (and are there again on undo) and the survivor gets a
// 'merge' row naming the merge.
import { registerContactDataParticipant } from './contact-data-registry.js';

registerContactDataParticipant({
  key: 'consent',
  async exportFor(db, contactId) {
    return db.selectFrom('consentEvents').selectAll().where('contactId', '=', contactId).orderBy('at').orderBy('id').execute();
  },
  async reassign() {
    return [];
  },
  async restore() {},
  async erase(db, contactId) {
    const res = await db.deleteFrom('consentEvents').where('contactId', '=', contactId).executeTakeFirst();
    return Number(res.numDeletedRows);
  },
});
