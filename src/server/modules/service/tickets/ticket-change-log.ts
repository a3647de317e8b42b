// Writes what happened to a ticket: its own timeline rows (ticket_events), the audit entry (which the requester's
// timeline shows through the record history) and the domain events SLA, routing and surveys consume.
import type { DbOrTrx, Engine } from '../../../core/db/database.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { newId, nowIso } from '../../../core/ids.js';
import type { TicketEventKind } from '../tables.js';
import type { Ticket } from './ticket-schemas.js';

export async function addTicketEvent(trx: DbOrTrx, ticketId: string, kind: TicketEventKind, actorId: string | null, data: Record<string, unknown> = {}, body: string | null = null, at = nowIso(), id = newId()): Promise<string> {
  await trx.insertInto('ticket_events').values({ id, ticketId, kind, actorId: actorId === 'system' ? null : actorId, body, data: JSON.stringify(data), createdAt: at }).execute();
  return id;
}

/** Fields whose change is told as its own kind of event; the rest are 'field' events. */
const watched = ['subject', 'description', 'category', 'language', 'contactId', 'companyId', 'tags', 'customFields', 'dealId', 'orderId'] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The audit-worthy part of a ticket: the assignee's and team's names, not the customer's (they follow their own visibility). */
function auditView(t: Ticket) {
  const { contactName: _c, companyName: _co, dealName: _d, orderLabel: _o, mergedIntoNumber: _m, updatedAt: _u, createdAt: _ca, ...rest } = t;
  return rest;
}

export async function logTicketCreated(trx: DbOrTrx, engine: Engine, actorId: string, ticket: Ticket): Promise<void> {
  await addTicketEvent(trx, ticket.id, 'created', actorId, { channel: ticket.channel, priority: ticket.priority, assigneeId: ticket.assigneeId, teamId: ticket.teamId });
  await writeAudit(trx, engine, { actorId: actorId === 'system' ? null : actorId, action: 'create', entity: 'ticket', entityId: ticket.id, after: auditView(ticket) });
  await emitEvent(trx, 'ticket.created', 'ticket', ticket.id, { ticket });
  if (ticket.assigneeId || ticket.teamId) await emitEvent(trx, 'ticket.assigned', 'ticket', ticket.id, { ticket, from: { assigneeId: null, teamId: null }, to: { assigneeId: ticket.assigneeId, teamId: ticket.teamId } });
}

/** Timeline rows, audit and events for a change; returns the names of the changed fields (empty: nothing changed). */
export async function logTicketChanged(trx: DbOrTrx, engine: Engine, actorId: string, before: Ticket, after: Ticket, extra: Record<string, unknown> = {}): Promise<string[]> {
  const changed: string[] = [];
  if (before.status !== after.status) {
    changed.push('status');
    await addTicketEvent(trx, after.id, 'status', actorId, { from: before.status, to: after.status, ...extra });
  }
  if (before.assigneeId !== after.assigneeId || before.teamId !== after.teamId) {
    if (before.assigneeId !== after.assigneeId) changed.push('assigneeId');
    if (before.teamId !== after.teamId) changed.push('teamId');
    await addTicketEvent(trx, after.id, 'assignment', actorId, { from: { assigneeId: before.assigneeId, assigneeName: before.assigneeName, teamId: before.teamId, teamName: before.teamName }, to: { assigneeId: after.assigneeId, assigneeName: after.assigneeName, teamId: after.teamId, teamName: after.teamName } });
  }
  if (before.priority !== after.priority) {
    changed.push('priority');
    await addTicketEvent(trx, after.id, 'priority', actorId, { from: before.priority, to: after.priority });
  }
  const fields = watched.filter((f) => !same(before[f], after[f]));
  if (fields.length) {
    changed.push(...fields);
    await addTicketEvent(trx, after.id, 'field', actorId, { changes: fields.map((f) => ({ field: f, from: before[f], to: after[f] })) });
  }
  if (!changed.length) return changed;
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  const bv = auditView(before) as Record<string, unknown>;
  const av = auditView(after) as Record<string, unknown>;
  for (const k of Object.keys(av)) if (!same(bv[k], av[k])) [b[k], a[k]] = [bv[k] ?? null, av[k] ?? null];
  await writeAudit(trx, engine, { actorId: actorId === 'system' ? null : actorId, action: 'update', entity: 'ticket', entityId: after.id, before: b, after: a });
  await emitEvent(trx, 'ticket.updated', 'ticket', after.id, { ticket: after, changed });
  if (before.status !== after.status) await emitEvent(trx, 'ticket.status_changed', 'ticket', after.id, { ticket: after, from: before.status, to: after.status });
  if (before.assigneeId !== after.assigneeId || before.teamId !== after.teamId) {
    await emitEvent(trx, 'ticket.assigned', 'ticket', after.id, { ticket: after, from: { assigneeId: before.assigneeId, teamId: before.teamId }, to: { assigneeId: after.assigneeId, teamId: after.teamId } });
  }
  return changed;
}
