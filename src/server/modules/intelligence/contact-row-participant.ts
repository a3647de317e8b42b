// A table with one computed row per contact (RFM scores, lifetime value) as part of the contact's data: in their export,
// gone on erasure, dropped on a merge (the next daily run computes the survivor from the merged records).
import { registerContactDataParticipant } from '../customers/index.js';

export function registerContactRowParticipant(key: string, table: 'rfm_scores' | 'contact_values'): void {
  registerContactDataParticipant({
    key,
    async exportFor(db, contactId) {
      return (await db.selectFrom(table).selectAll().where('contactId', '=', contactId).executeTakeFirst()) ?? null;
    },
    async reassign(db, fromId) {
      await db.deleteFrom(table).where('contactId', '=', fromId).execute();
      return [];
    },
    async restore() {},
    async erase(db, contactId) {
      const r = await db.deleteFrom(table).where('contactId', '=', contactId).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  });
}
