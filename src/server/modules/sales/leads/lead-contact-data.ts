// Lead details, behaviour and score in contact merges (moved to the survivor, undoable), per-person exports and erasure.
import type { DbOrTrx } from '../../../core/db/database.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { registerContactDataParticipant } from '../../customers/index.js';

// Moved ids are prefixed by kind so the undo of a merge can move each back.
const ACT = 'lead_activity:';
const DET = 'lead_details_on:'; // + the survivor id the details moved to

const rescore = (db: DbOrTrx, contactId: string) => emitEvent(db, 'lead.updated', 'contact', contactId, { contactId });

registerContactDataParticipant({
  key: 'sales.leads',
  async exportFor(db, contactId) {
    const details = await db.selectFrom('leadDetails').selectAll().where('contactId', '=', contactId).executeTakeFirst();
    const activity = await db.selectFrom('leadActivity').selectAll().where('contactId', '=', contactId).orderBy('occurredAt').execute();
    const score = await db.selectFrom('leadScores').selectAll().where('contactId', '=', contactId).executeTakeFirst();
    return { details: details ?? null, activity, score: score ? { ...score, breakdown: JSON.parse(score.breakdown) } : null };
  },
  async reassign(db, fromId, toId) {
    const moved = (await db.selectFrom('leadActivity').select('id').where('contactId', '=', fromId).execute()).map((r) => ACT + r.id);
    if (moved.length) await db.updateTable('leadActivity').set({ contactId: toId }).where('contactId', '=', fromId).execute();
    // The survivor keeps its own lead details; it takes the merged contact's only when it has none.
    const survivorHas = await db.selectFrom('leadDetails').select('contactId').where('contactId', '=', toId).executeTakeFirst();
    if (!survivorHas && (await db.selectFrom('leadDetails').select('contactId').where('contactId', '=', fromId).executeTakeFirst())) {
      await db.updateTable('leadDetails').set({ contactId: toId }).where('contactId', '=', fromId).execute();
      await db.updateTable('leadScores').set({ contactId: toId }).where('contactId', '=', fromId).execute();
      moved.push(DET + toId);
    } else await db.deleteFrom('leadScores').where('contactId', '=', fromId).execute();
    await rescore(db, toId);
    return moved;
  },
  async restore(db, ids, toId) {
    const acts = ids.filter((i) => i.startsWith(ACT)).map((i) => i.slice(ACT.length));
    for (let i = 0; i < acts.length; i += 500) await db.updateTable('leadActivity').set({ contactId: toId }).where('id', 'in', acts.slice(i, i + 500)).execute();
    for (const d of ids.filter((i) => i.startsWith(DET))) {
      const survivor = d.slice(DET.length);
      await db.updateTable('leadDetails').set({ contactId: toId }).where('contactId', '=', survivor).execute();
      await db.updateTable('leadScores').set({ contactId: toId }).where('contactId', '=', survivor).execute();
      await rescore(db, survivor);
    }
    await rescore(db, toId);
  },
  async erase(db, contactId) {
    const a = await db.deleteFrom('leadActivity').where('contactId', '=', contactId).executeTakeFirst();
    const d = await db.deleteFrom('leadDetails').where('contactId', '=', contactId).executeTakeFirst();
    const s = await db.deleteFrom('leadScores').where('contactId', '=', contactId).executeTakeFirst();
    return Number(a.numDeletedRows) + Number(d.numDeletedRows) + Number(s.numDeletedRows);
  },
});
