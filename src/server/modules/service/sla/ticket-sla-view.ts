// A ticket's SLA as the UI shows it: each target's due time, business minutes left (negative once overdue) and state.
import type { Db } from '../../../core/db/database.js';
import { visibleTo, type Actor } from '../../../core/auth/actor.js';
import { notFound } from '../../../core/errors.js';
import { businessMinutesBetween, isWorkingTime } from './business-time.js';
import { calendarSpec } from './calendars.js';
import { customerTier } from './customer-tier.js';
import { targets } from './ticket-sla.js';
import type { SlaTarget, TicketSla } from './sla-schemas.js';

export async function getTicketSla(db: Db, actor: Actor, ticketId: string): Promise<TicketSla> {
  const t = await db.kysely
    .selectFrom('tickets')
    .select(['id', 'contactId', 'companyId'])
    .where('id', '=', ticketId)
    .where((eb) => visibleTo(eb, actor, 'tickets.assigneeId', 'tickets.teamId'))
    .executeTakeFirst();
  if (!t) throw notFound('Ticket');
  const now = new Date();
  const row = await db.kysely.selectFrom('ticket_sla').selectAll().where('ticketId', '=', ticketId).executeTakeFirst();
  const tier = await customerTier(db.kysely, t.contactId, t.companyId);
  if (!row) return { ticketId, policy: null, tier, paused: false, working: false, now: now.toISOString(), targets: [] };
  const cal = await calendarSpec(db.kysely, row.calendarId);
  const list: SlaTarget[] = [];
  for (const k of targets) {
    const minutes = row[`${k}Minutes`];
    if (!minutes) continue;
    const dueAt = row[`${k}DueAt`];
    const metAt = row[`${k}MetAt`];
    const breachedAt = row[`${k}BreachedAt`];
    let remaining: number | null = null;
    if (!metAt && row.pausedAt) remaining = row[`${k}LeftMinutes`];
    else if (!metAt && dueAt) {
      const due = new Date(dueAt);
      remaining = due > now ? businessMinutesBetween(cal, now, due) : -businessMinutesBetween(cal, due, now);
    }
    const state: SlaTarget['state'] = metAt ? (breachedAt ? 'met_late' : 'met') : breachedAt ? 'breached' : row.pausedAt ? 'paused' : 'running';
    list.push({ kind: k, minutes, dueAt, warnedAt: row[`${k}WarnedAt`], breachedAt, metAt, state, remainingMinutes: remaining === null ? null : Math.round(remaining * 100) / 100 });
  }
  return { ticketId, policy: { id: row.policyId, name: row.policyName }, tier, paused: row.pausedAt !== null, working: isWorkingTime(cal, now), now: now.toISOString(), targets: list };
}
