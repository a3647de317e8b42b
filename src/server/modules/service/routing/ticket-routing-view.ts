// Why a ticket is where it is: the routing steps kept in tickets.routing and their English text, for the ticket page.
import type { Db } from '../../../core/db/database.js';
import { visibleTo, type Actor } from '../../../core/auth/actor.js';
import { notFound } from '../../../core/errors.js';
import { explainRouting, type RoutingStep } from './routing-steps.js';

export async function getTicketRouting(db: Db, actor: Actor, ticketId: string): Promise<{ steps: RoutingStep[]; explanation: string | null }> {
  const t = await db.kysely.selectFrom('tickets').select('routing').where('id', '=', ticketId).where((eb) => visibleTo(eb, actor, 'tickets.assigneeId', 'tickets.teamId')).executeTakeFirst();
  if (!t) throw notFound('Ticket');
  const steps = t.routing ? (JSON.parse(t.routing) as RoutingStep[]) : [];
  return { steps, explanation: steps.length ? explainRouting(steps) : null };
}
