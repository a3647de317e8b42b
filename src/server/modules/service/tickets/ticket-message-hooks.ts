// A customer writing again on a ticket waiting for them (pending) or already solved reopens it, whatever the channel.
import { systemActor } from '../../../core/auth/actor.js';
import { onMessageStored } from '../conversations/message-hooks.js';
import { updateTicket } from './update-ticket.js';

onMessageStored('tickets.reopen-on-reply', async (db, { message, conversation }) => {
  if (!conversation.ticketId || message.direction !== 'in' || message.authorKind !== 'contact') return;
  const t = await db.kysely.selectFrom('tickets').select(['status', 'mergedIntoId']).where('id', '=', conversation.ticketId).executeTakeFirst();
  if (!t || t.mergedIntoId || (t.status !== 'pending' && t.status !== 'solved')) return;
  await updateTicket(db, systemActor, conversation.ticketId, { status: 'open' }, { reason: { customerReplied: true } });
});
