// Read-only service facts for the intelligence module: VIP tickets whose SLA is about to be breached (past the warning
// time, or due within the hour, not met, breached or paused), tickets per contact, and visible tickets per order.
import type { DbOrTrx } from '../../../core/db/database.js';
import { visibleTo, type Actor } from '../../../core/auth/actor.js';
import { customerTier } from './customer-tier.js';
import { targets } from './ticket-sla.js';

const SOON_MS = 60 * 60_000;
const openStatuses = ['new', 'open', 'pending', 'on_hold'] as const;

export interface NearBreach {
  ticketId: string;
  number: number;
  subject: string;
  contactId: string | null;
  assigneeId: string | null;
  teamId: string | null;
  target: 'firstResponse' | 'resolution';
  dueAt: string;
}

export async function vipTicketsNearSlaBreach(db: DbOrTrx, now: Date): Promise<NearBreach[]> {
  const at = now.toISOString();
  const soon = new Date(now.getTime() + SOON_MS).toISOString();
  const out: NearBreach[] = [];
  for (const k of targets) {
    const rows = await db
      .selectFrom('ticket_sla as s')
      .innerJoin('tickets as t', 't.id', 's.ticketId')
      .select(['t.id', 't.number', 't.subject', 't.contactId', 't.companyId', 't.assigneeId', 't.teamId', `s.${k}DueAt as dueAt`])
      .where('t.status', 'in', openStatuses)
      .where('t.mergedIntoId', 'is', null)
      .where('s.pausedAt', 'is', null)
      .where(`s.${k}MetAt`, 'is', null)
      .where(`s.${k}BreachedAt`, 'is', null)
      .where(`s.${k}DueAt`, '>', at)
      .where((eb) => eb.or([eb(`s.${k}WarnAt`, '<=', at), eb(`s.${k}DueAt`, '<=', soon)]))
      .execute();
    for (const r of rows) {
      if ((await customerTier(db, r.contactId, r.companyId)) !== 'vip') continue;
      out.push({ ticketId: r.id, number: Number(r.number), subject: r.subject, contactId: r.contactId, assigneeId: r.assigneeId, teamId: r.teamId, target: k, dueAt: r.dueAt! });
    }
  }
  return out;
}

/** Tickets per contact (merged tickets left out). */
export async function ticketCountsByContact(db: DbOrTrx): Promise<Map<string, number>> {
  const rows = await db.selectFrom('tickets').select((eb) => ['contactId', eb.fn.countAll<number>().as('n')]).where('contactId', 'is not', null).where('mergedIntoId', 'is', null).groupBy('contactId').execute();
  return new Map(rows.map((r) => [r.contactId!, Number(r.n)]));
}

/** Tickets about an order, among those the actor may see (merged tickets left out). */
export async function ticketCountsByOrder(db: DbOrTrx, actor: Actor): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('tickets as t')
    .select((eb) => ['t.orderId', eb.fn.countAll<number>().as('n')])
    .where('t.orderId', 'is not', null)
    .where('t.mergedIntoId', 'is', null)
    .where((eb) => visibleTo(eb, actor, 't.assigneeId', 't.teamId'))
    .groupBy('t.orderId')
    .execute();
  return new Map(rows.map((r) => [r.orderId!, Number(r.n)]));
}
