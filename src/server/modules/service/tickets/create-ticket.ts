// Creates a ticket: by an agent (POST /tickets), from a conversation (the inbox, a channel) or from an API call.
// The number comes from a counter row updated in the same transaction, so parallel creates never share a number.
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import { systemActor, visibleTo, type Actor } from '../../../core/auth/actor.js';
import { AppError } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { ticketInput, type Ticket, type TicketInput } from './ticket-schemas.js';
import { checkCompany, checkContact, checkDeal, checkOrder, resolveAssignment } from './ticket-links.js';
import { getTicketForActor, ticketQuery, toTicket } from './ticket-repository.js';
import { addTicketEvent, logTicketCreated } from './ticket-change-log.js';
import { indexTicket } from './ticket-search.js';

export interface CreateTicketOptions {
  /** Attach this conversation (its messages join the ticket's timeline); its contact becomes the requester if none. */
  conversationId?: string;
}

async function nextNumber(trx: DbOrTrx): Promise<number> {
  const row = await trx
    .updateTable('ticket_counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', 'ticket')
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

export async function createTicket(db: Db, actor: Actor, raw: TicketInput, opts: CreateTicketOptions = {}): Promise<Ticket> {
  const input = ticketInput.parse(raw);
  let contactId = input.contactId ?? null;
  let channel = input.channel;
  const conversation = opts.conversationId
    ? await db.kysely.selectFrom('conversations as cv').selectAll('cv').where('cv.id', '=', opts.conversationId).where((eb) => visibleTo(eb, actor, 'cv.assigneeId', 'cv.teamId')).executeTakeFirst()
    : undefined;
  if (opts.conversationId) {
    if (!conversation) throw new AppError('validation', 'That conversation does not exist', [{ path: 'conversationId', message: 'unknown conversation' }]);
    if (conversation.ticketId) throw new AppError('conflict', 'That conversation already belongs to a ticket');
    contactId ??= conversation.contactId;
    if (raw.channel === undefined) channel = conversation.channelKind;
  }
  // A conversation's own contact may be outside the actor's sight; it is still the requester (not shown to them).
  const contact = contactId === input.contactId ? await checkContact(db.kysely, actor, contactId) : await checkContact(db.kysely, systemActor, contactId);
  const companyId = input.companyId ?? contact?.companyId ?? null;
  if (input.companyId) await checkCompany(db.kysely, actor, input.companyId);
  await checkDeal(db.kysely, actor, input.dealId);
  await checkOrder(db.kysely, actor, input.orderId);
  // An agent's new ticket stays in the agent's team unless it is given to someone else.
  const defaultTeam = actor.id === 'system' ? (conversation?.teamId ?? null) : actor.teamId;
  const assignment = await resolveAssignment(db.kysely, { assigneeId: input.assigneeId ?? null, teamId: input.teamId ?? undefined }, { assigneeId: null, teamId: defaultTeam });
  const id = newId();
  const at = nowIso();
  await db.kysely.transaction().execute(async (trx) => {
    const number = await nextNumber(trx);
    await trx
      .insertInto('tickets')
      .values({
        id,
        number,
        subject: input.subject,
        description: input.description ?? null,
        status: 'new',
        priority: input.priority,
        category: input.category ?? null,
        channel,
        language: input.language ?? conversation?.language ?? null,
        contactId,
        companyId,
        assigneeId: assignment.assigneeId,
        teamId: assignment.teamId,
        tags: JSON.stringify([...new Set(input.tags)].sort()),
        customFields: JSON.stringify(input.customFields),
        dealId: input.dealId ?? null,
        orderId: input.orderId ?? null,
        mergedIntoId: null,
        routing: null,
        firstRespondedAt: null,
        solvedAt: null,
        closedAt: null,
        createdBy: actor.id === 'system' ? null : actor.id,
        createdAt: at,
        updatedAt: at,
      })
      .execute();
    await indexTicket(trx, db.engine, { id, number, subject: input.subject });
    const ticket = await getTicketForActor(trx, systemActor, id);
    await logTicketCreated(trx, db.engine, actor.id, ticket);
    if (conversation) {
      await trx.updateTable('conversations').set({ ticketId: id, updatedAt: at }).where('id', '=', conversation.id).execute();
      await addTicketEvent(trx, id, 'conversation', actor.id, { conversationId: conversation.id, channelKind: conversation.channelKind, attached: true });
      await emitEvent(trx, 'conversation.ticket_linked', 'conversation', conversation.id, { conversationId: conversation.id, ticketId: id });
    }
  });
  // The creator gets the ticket back even when it went to another team (names still follow their visibility).
  return toTicket(await ticketQuery(db.kysely, actor).where('t.id', '=', id).executeTakeFirstOrThrow());
}
