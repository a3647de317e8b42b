// Calls in a contact's merge (moved to the survivor, back on undo), per-person export and erasure (a call record
// holds the person's phone number, transcript and recording link).
import { registerContactDataParticipant } from '../../customers/index.js';

registerContactDataParticipant({
  key: 'service.calls',
  async exportFor(db, contactId) {
    return db.selectFrom('calls').select(['id', 'externalId', 'direction', 'status', 'fromNumber', 'toNumber', 'startedAt', 'durationSeconds', 'recordingUrl', 'transcript', 'createdAt']).where('contactId', '=', contactId).orderBy('startedAt').execute();
  },
  async reassign(db, fromId, toId) {
    const rows = await db.selectFrom('calls').select('id').where('contactId', '=', fromId).execute();
    if (rows.length) await db.updateTable('calls').set({ contactId: toId }).where('contactId', '=', fromId).execute();
    return rows.map((r) => r.id);
  },
  async restore(db, ids, toId) {
    for (let i = 0; i < ids.length; i += 500) await db.updateTable('calls').set({ contactId: toId }).where('id', 'in', ids.slice(i, i + 500)).execute();
  },
  async erase(db, contactId) {
    // The call records as the telephony system sent them go too: they carry the same numbers and transcript.
    const raw = (await db.selectFrom('calls').select('inboundRawId').where('contactId', '=', contactId).execute()).flatMap((r) => (r.inboundRawId ? [r.inboundRawId] : []));
    for (let i = 0; i < raw.length; i += 500) await db.deleteFrom('inbound_raw').where('id', 'in', raw.slice(i, i + 500)).execute();
    const res = await db.deleteFrom('calls').where('contactId', '=', contactId).executeTakeFirst();
    return Number(res.numDeletedRows);
  },
});
