// Changes a ticket: status (by the lifecycle's transitions), priority, category, assignee and team, tags, custom
// fields, requester, related deal/order. One transaction writes the row, the timeline rows, the audit and events.
import type { Db, DbOrTrx, Engine } from '../../../core/db/database.js';
import { systemActor, type Actor } from '../../../core/auth/actor.js';
import { AppError } from '../../../core/errors.js';
import { nowIso } from '../../../core/ids.js';
import type { TicketStatus } from '../tables.js';
import type { Ticket, TicketPatch } from './ticket-schemas.js';
import { checkCompany, checkContact, checkDeal, checkOrder, resolveAssignment } from './ticket-links.js';
import { getTicketForActor, ticketQuery, toTicket, visibleTicketRow } from './ticket-repository.js';
import { logTicketChanged } from './ticket-change-log.js';
import { assertTransition, statusTimes } from './ticket-transitions.js';
import { indexTicket } from './ticket-search.js';

export interface ApplyOptions {
  /** "Close" from any open status: the ticket is solved first (both steps on its timeline). Bulk close uses it. */
  solveThenClose?: boolean;
  /** Extra data on the status event (a macro's name, a merge). */
  reason?: Record<string, unknown>;
}

/** Applies a patch inside a transaction to a ticket the actor may see; returns the ticket before and after. */
export async function applyTicketPatch(trx: DbOrTrx, engine: Engine, actor: Actor, id: string, patch: TicketPatch, opts: ApplyOptions = {}): Promise<{ before: Ticket; after: Ticket; changed: string[] }> {
  const row = await visibleTicketRow(trx, actor, id);
  if (row.mergedIntoId) throw new AppError('conflict', 'This ticket was merged into another ticket; change that one instead');
  const before = await getTicketForActor(trx, systemActor, id);
  const at = nowIso();
  let status: TicketStatus = row.status;
  const steps: TicketStatus[] = [];
  if (patch.status && patch.status !== row.status) {
    if (opts.solveThenClose && patch.status === 'closed' && row.status !== 'solved' && row.status !== 'closed') steps.push('solved');
    steps.push(patch.status);
    let from = row.status;
    for (const s of steps) assertTransition(from, (from = s));
    status = patch.status;
  }
  if (patch.contactId !== undefined && patch.contactId !== row.contactId) await checkContact(trx, actor, patch.contactId);
  if (patch.companyId !== undefined && patch.companyId !== row.companyId) await checkCompany(trx, actor, patch.companyId);
  if (patch.dealId !== undefined && patch.dealId !== row.dealId) await checkDeal(trx, actor, patch.dealId);
  if (patch.orderId !== undefined && patch.orderId !== row.orderId) await checkOrder(trx, actor, patch.orderId);
  const assignment = await resolveAssignment(trx, { assigneeId: patch.assigneeId, teamId: patch.teamId }, { assigneeId: row.assigneeId, teamId: row.teamId });
  const times = status !== row.status ? statusTimes(status, row, at) : { solvedAt: row.solvedAt, closedAt: row.closedAt };
  await trx
    .updateTable('tickets')
    .set({
      ...(patch.subject !== undefined && { subject: patch.subject }),
      ...(patch.description !== undefined && { description: patch.description }),
      ...(patch.priority !== undefined && { priority: patch.priority }),
      ...(patch.category !== undefined && { category: patch.category }),
      ...(patch.language !== undefined && { language: patch.language }),
      ...(patch.contactId !== undefined && { contactId: patch.contactId }),
      ...(patch.companyId !== undefined && { companyId: patch.companyId }),
      ...(patch.dealId !== undefined && { dealId: patch.dealId }),
      ...(patch.orderId !== undefined && { orderId: patch.orderId }),
      ...(patch.tags !== undefined && { tags: JSON.stringify([...new Set(patch.tags)].sort()) }),
      ...(patch.customFields !== undefined && { customFields: JSON.stringify(patch.customFields) }),
      status,
      ...times,
      assigneeId: assignment.assigneeId,
      teamId: assignment.teamId,
      updatedAt: at,
    })
    .where('id', '=', id)
    .execute();
  if (patch.subject !== undefined && patch.subject !== row.subject) await indexTicket(trx, engine, { id, number: Number(row.number), subject: patch.subject });
  const after = await getTicketForActor(trx, systemActor, id);
  // A solve-then-close is told as two steps, each a status event of its own.
  let changed: string[] = [];
  if (steps.length === 2) {
    changed = await logTicketChanged(trx, engine, actor.id, before, { ...after, status: steps[0]!, closedAt: null }, opts.reason);
    changed = [...new Set([...changed, ...(await logTicketChanged(trx, engine, actor.id, { ...after, status: steps[0]!, closedAt: null }, after, opts.reason))])];
  } else {
    changed = await logTicketChanged(trx, engine, actor.id, before, after, opts.reason);
  }
  return { before, after, changed };
}

export async function updateTicket(db: Db, actor: Actor, id: string, patch: TicketPatch, opts: ApplyOptions = {}): Promise<Ticket> {
  await db.kysely.transaction().execute((trx) => applyTicketPatch(trx, db.engine, actor, id, patch, opts));
  // Answered with the caller's view of names; a ticket given away to another team is still answered this once.
  return toTicket(await ticketQuery(db.kysely, actor).where('t.id', '=', id).executeTakeFirstOrThrow());
}

export async function changeTicketStatus(db: Db, actor: Actor, id: string, status: TicketStatus, opts: ApplyOptions = {}): Promise<Ticket> {
  return updateTicket(db, actor, id, { status }, opts);
}
