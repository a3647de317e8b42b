// Reads tickets: the row joined with names the caller may see (requester, company, deal follow their own
// visibility), and the ticket visibility itself (assignee or team, as owner or team for contacts).
import type { Selectable } from 'kysely';
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import { visibleTo, type Actor } from '../../../core/auth/actor.js';
import { notFound } from '../../../core/errors.js';
import type { TicketsTable } from '../tables.js';
import type { Ticket } from './ticket-schemas.js';

export type TicketRow = Selectable<TicketsTable>;

/** Tickets with their names, only the names the actor may see; not yet filtered by ticket visibility. */
export function ticketQuery(db: DbOrTrx, actor: Actor) {
  return db
    .selectFrom('tickets as t')
    .leftJoin('contacts as c', (j) => j.onRef('c.id', '=', 't.contactId').on((eb) => visibleTo(eb, actor, 'c.ownerId', 'c.teamId')))
    .leftJoin('companies as co', (j) => j.onRef('co.id', '=', 't.companyId').on((eb) => visibleTo(eb, actor, 'co.ownerId', 'co.teamId')))
    .leftJoin('deals as d', (j) => j.onRef('d.id', '=', 't.dealId').on((eb) => visibleTo(eb, actor, 'd.ownerId', 'd.teamId')))
    .leftJoin('orders as o', (j) => j.onRef('o.id', '=', 't.orderId').on((eb) => visibleTo(eb, actor, 'o.ownerId', 'o.teamId')))
    .leftJoin('tickets as mt', 'mt.id', 't.mergedIntoId')
    .leftJoin('users as u', 'u.id', 't.assigneeId')
    .leftJoin('teams as tm', 'tm.id', 't.teamId')
    .selectAll('t')
    .select(['c.displayName as contactName', 'co.name as companyName', 'd.name as dealName', 'o.externalId as orderExternalId', 'o.orderedAt as orderOrderedAt', 'mt.number as mergedIntoNumber', 'u.name as assigneeName', 'tm.name as teamName']);
}

/** Where the actor may see the ticket (alias t). */
export const ticketVisible = (actor: Actor) => (eb: any) => visibleTo(eb, actor, 't.assigneeId', 't.teamId');

type JoinedRow = TicketRow & {
  contactName: string | null; companyName: string | null; dealName: string | null; assigneeName: string | null; teamName: string | null;
  orderExternalId: string | null; orderOrderedAt: string | null; mergedIntoNumber: number | null;
};

/** A visible order's label: its external id, else the day it was placed (null when the order is not visible). */
const orderLabel = (r: JoinedRow) => (r.orderOrderedAt === null ? null : (r.orderExternalId ?? r.orderOrderedAt.slice(0, 10)));

export function toTicket(r: JoinedRow): Ticket {
  return {
    id: r.id,
    number: Number(r.number),
    subject: r.subject,
    description: r.description,
    status: r.status,
    priority: r.priority,
    category: r.category,
    channel: r.channel,
    language: r.language,
    contactId: r.contactId,
    contactName: r.contactName,
    companyId: r.companyId,
    companyName: r.companyName,
    assigneeId: r.assigneeId,
    assigneeName: r.assigneeName,
    teamId: r.teamId,
    teamName: r.teamName,
    tags: JSON.parse(r.tags) as string[],
    customFields: JSON.parse(r.customFields) as Ticket['customFields'],
    dealId: r.dealId,
    dealName: r.dealName,
    orderId: r.orderId,
    orderLabel: orderLabel(r),
    mergedIntoId: r.mergedIntoId,
    mergedIntoNumber: r.mergedIntoNumber === null ? null : Number(r.mergedIntoNumber),
    firstRespondedAt: r.firstRespondedAt,
    solvedAt: r.solvedAt,
    closedAt: r.closedAt,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export async function findTicketRow(db: DbOrTrx, id: string): Promise<TicketRow | undefined> {
  return db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The ticket as the actor sees it; 404 when it does not exist or is not theirs to see. */
export async function getTicketForActor(db: Db | DbOrTrx, actor: Actor, id: string): Promise<Ticket> {
  const k = 'kysely' in db ? db.kysely : db;
  const row = await ticketQuery(k, actor).where('t.id', '=', id).where(ticketVisible(actor)).executeTakeFirst();
  if (!row) throw notFound('Ticket');
  return toTicket(row);
}

/** The ticket as stored, checked against the actor's visibility (for use cases that change it). */
export async function visibleTicketRow(db: DbOrTrx, actor: Actor, id: string): Promise<TicketRow> {
  const row = await db.selectFrom('tickets as t').selectAll('t').where('t.id', '=', id).where(ticketVisible(actor)).executeTakeFirst();
  if (!row) throw notFound('Ticket');
  return row;
}
