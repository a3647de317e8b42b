// Tickets and conversations in a contact's merge (moved to the survivor, moved back on undo), per-person export
// and erasure: the customers module reaches them through its participants registry.
import type { DbOrTrx } from '../../../core/db/database.js';
import { registerContactDataParticipant } from '../../customers/index.js';

async function moveContact(db: DbOrTrx, table: 'tickets' | 'conversations', fromId: string, toId: string): Promise<string[]> {
  const rows = await db.selectFrom(table).select('id').where('contactId', '=', fromId).execute();
  if (rows.length) await db.updateTable(table).set({ contactId: toId }).where('contactId', '=', fromId).execute();
  return rows.map((r) => r.id);
}

async function restoreContact(db: DbOrTrx, table: 'tickets' | 'conversations', ids: string[], toId: string): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) await db.updateTable(table).set({ contactId: toId }).where('id', 'in', ids.slice(i, i + 500)).execute();
}

registerContactDataParticipant({
  key: 'service.tickets',
  async exportFor(db, contactId) {
    const tickets = await db.selectFrom('tickets').selectAll().where('contactId', '=', contactId).orderBy('createdAt').execute();
    const ids = tickets.map((t) => t.id);
    const events = ids.length ? await db.selectFrom('ticket_events').selectAll().where('ticketId', 'in', ids).orderBy('createdAt').execute() : [];
    return tickets.map((t) => ({ ...t, tags: JSON.parse(t.tags), customFields: JSON.parse(t.customFields), events: events.filter((e) => e.ticketId === t.id).map((e) => ({ ...e, data: JSON.parse(e.data) })) }));
  },
  reassign: (db, fromId, toId) => moveContact(db, 'tickets', fromId, toId),
  restore: (db, ids, toId) => restoreContact(db, 'tickets', ids, toId),
  async erase(db, contactId) {
    const ids = (await db.selectFrom('tickets').select('id').where('contactId', '=', contactId).execute()).map((r) => r.id);
    for (let i = 0; i < ids.length; i += 500) {
      const part = ids.slice(i, i + 500);
      await db.deleteFrom('searchIndex').where('entity', '=', 'ticket').where('entityId', 'in', part).execute();
      await db.updateTable('conversations').set({ ticketId: null }).where('ticketId', 'in', part).execute();
      await db.deleteFrom('ticket_events').where('ticketId', 'in', part).execute();
      await db.deleteFrom('ticket_viewers').where('ticketId', 'in', part).execute();
      await db.deleteFrom('tickets').where('id', 'in', part).execute();
    }
    return ids.length;
  },
});

registerContactDataParticipant({
  key: 'service.conversations',
  async exportFor(db, contactId) {
    const conversations = await db.selectFrom('conversations').selectAll().where('contactId', '=', contactId).orderBy('createdAt').execute();
    const ids = conversations.map((c) => c.id);
    const messages = ids.length ? await db.selectFrom('messages').selectAll().where('conversationId', 'in', ids).where('private', '=', 0).orderBy('createdAt').execute() : [];
    return conversations.map((c) => ({ ...c, messages: messages.filter((m) => m.conversationId === c.id).map((m) => ({ id: m.id, direction: m.direction, authorKind: m.authorKind, bodyText: m.bodyText, createdAt: m.createdAt })) }));
  },
  reassign: (db, fromId, toId) => moveContact(db, 'conversations', fromId, toId),
  restore: (db, ids, toId) => restoreContact(db, 'conversations', ids, toId),
  async erase(db, contactId) {
    const res = await db.deleteFrom('conversations').where('contactId', '=', contactId).executeTakeFirst();
    return Number(res.numDeletedRows);
  },
});
