// Campaign recipients and engagement events in a contact's merge (moved to the survivor, back on undo), per-person
// export and erasure. A campaign both merged contacts received keeps the survivor's row (one row per campaign).
import { registerContactDataParticipant } from '../../customers/index.js';

const EVENT = 'e:';

registerContactDataParticipant({
  key: 'marketing.campaigns',
  async exportFor(db, contactId) {
    const received = await db.selectFrom('campaignRecipients as r').innerJoin('campaigns as c', 'c.id', 'r.campaignId').select(['c.name as campaign', 'r.email', 'r.status', 'r.sentAt', 'r.openedAt', 'r.clickedAt', 'r.unsubscribedAt', 'r.bouncedAt']).where('r.contactId', '=', contactId).orderBy('r.sentAt').execute();
    const events = await db.selectFrom('campaignEvents').select(['campaignId', 'kind', 'url', 'at']).where('contactId', '=', contactId).orderBy('at').execute();
    return { received, events };
  },
  async reassign(db, fromId, toId) {
    const theirs = db.selectFrom('campaignRecipients').select('campaignId').where('contactId', '=', toId);
    const rows = await db.selectFrom('campaignRecipients').select('id').where('contactId', '=', fromId).where('campaignId', 'not in', theirs).execute();
    if (rows.length) await db.updateTable('campaignRecipients').set({ contactId: toId }).where('id', 'in', rows.map((r) => r.id)).execute();
    const events = await db.selectFrom('campaignEvents').select('id').where('contactId', '=', fromId).execute();
    if (events.length) await db.updateTable('campaignEvents').set({ contactId: toId }).where('contactId', '=', fromId).execute();
    return [...rows.map((r) => r.id), ...events.map((e) => EVENT + e.id)];
  },
  async restore(db, ids, toId) {
    const recipients = ids.filter((i) => !i.startsWith(EVENT));
    const events = ids.filter((i) => i.startsWith(EVENT)).map((i) => i.slice(EVENT.length));
    for (let i = 0; i < recipients.length; i += 500) await db.updateTable('campaignRecipients').set({ contactId: toId }).where('id', 'in', recipients.slice(i, i + 500)).execute();
    for (let i = 0; i < events.length; i += 500) await db.updateTable('campaignEvents').set({ contactId: toId }).where('id', 'in', events.slice(i, i + 500)).execute();
  },
  async erase(db, contactId) {
    const e = await db.deleteFrom('campaignEvents').where('contactId', '=', contactId).executeTakeFirst();
    const r = await db.deleteFrom('campaignRecipients').where('contactId', '=', contactId).executeTakeFirst();
    return Number(e.numDeletedRows) + Number(r.numDeletedRows);
  },
});
