// Reacts to ticket and message events from the outbox: routes new unassigned tickets, then keeps their SLA timers in
// step (started, paused, met, re-targeted). The work and the consumer's position move in one transaction.
import type { Db, DbOrTrx, Engine } from '../../../core/db/database.js';
import { consumeEvents, type DomainEvent } from '../../../core/events/consume-events.js';
import { registerPoller } from '../../../core/jobs/worker.js';
import { routeTicket } from '../routing/route-ticket.js';
import { syncTicketSla } from './ticket-sla.js';

const CONSUMER = 'service-sla-routing';
const TICKET_EVENTS = ['ticket.updated', 'ticket.status_changed', 'ticket.assigned'];

async function handle(trx: DbOrTrx, engine: Engine, e: DomainEvent): Promise<void> {
  if (e.type === 'ticket.created') {
    await routeTicket(trx, engine, e.entityId);
    await syncTicketSla(trx, e.entityId);
  } else if (TICKET_EVENTS.includes(e.type)) {
    await syncTicketSla(trx, e.entityId);
  } else if (e.type === 'message.sent') {
    const p = e.payload as { messageId?: string; ticketId?: string | null; authorKind?: string };
    if (p.authorKind !== 'agent' || !p.messageId) return;
    // The ticket as it is now: a conversation may have been attached to a ticket after the message was written.
    const m = await trx.selectFrom('messages as m').innerJoin('conversations as c', 'c.id', 'm.conversationId').select(['m.createdAt', 'm.private', 'c.ticketId']).where('m.id', '=', p.messageId).executeTakeFirst();
    const ticketId = m?.ticketId ?? p.ticketId;
    if (m && m.private === 0 && ticketId) await syncTicketSla(trx, ticketId, m.createdAt);
  }
}

export async function runSlaRoutingConsumer(db: Db): Promise<number> {
  return consumeEvents(
    db,
    CONSUMER,
    async (events, trx) => {
      for (const e of events) await handle(trx, db.engine, e);
    },
    50,
  );
}

registerPoller({ name: CONSUMER, run: runSlaRoutingConsumer, idleMs: 1_000 });
