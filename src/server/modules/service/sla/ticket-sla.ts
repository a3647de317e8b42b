// A ticket's SLA timers kept in step with the ticket: started under the policy its priority and customer tier choose,
// stopped when met (first public agent reply; solved), paused while pending on the customer when the policy says so
// (the business minutes left are kept and the due times moved on resume), re-targeted when the priority changes
// (from creation plus the business minutes spent paused, so a pause is honoured under the new policy too).
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../../core/db/database.js';
import { nowIso } from '../../../core/ids.js';
import { addBusinessMinutes, businessMinutesBetween, type BusinessCalendarSpec } from './business-time.js';
import { calendarSpec } from './calendars.js';
import { customerTier } from './customer-tier.js';
import { choosePolicy, listPolicies } from './sla-policies.js';
import type { Policy } from './sla-schemas.js';
import type { TicketSlaTable } from './sla-tables.js';
import type { TicketsTable } from '../tables.js';
import { addSlaEvent } from './sla-events.js';

export type SlaRow = Selectable<TicketSlaTable>;
export const targets = ['firstResponse', 'resolution'] as const;
export type TargetKind = (typeof targets)[number];

const DONE = ['solved', 'closed'];
const iso = (d: Date) => d.toISOString();

/** The earliest warning or due instant still ahead of a running (not paused) row. */
export function nextCheck(r: Pick<SlaRow, `${TargetKind}${'WarnAt' | 'DueAt' | 'WarnedAt' | 'BreachedAt' | 'MetAt'}` | 'pausedAt'>): string | null {
  if (r.pausedAt) return null;
  const times: string[] = [];
  for (const k of targets) {
    if (r[`${k}MetAt`] || r[`${k}BreachedAt`]) continue;
    const warn = r[`${k}WarnAt`];
    if (warn && !r[`${k}WarnedAt`]) times.push(warn);
    const due = r[`${k}DueAt`];
    if (due) times.push(due);
  }
  return times.length ? times.sort()[0]! : null;
}

/** Due and warning instants for `minutes` business minutes from `from` (warning `warnBefore` minutes ahead of due). */
function schedule(cal: BusinessCalendarSpec, from: Date, minutes: number, warnBefore: number): { dueAt: string; warnAt: string | null } {
  const dueAt = iso(addBusinessMinutes(cal, from, minutes));
  const warnAt = warnBefore > 0 && minutes > warnBefore ? iso(addBusinessMinutes(cal, from, minutes - warnBefore)) : null;
  return { dueAt, warnAt };
}

async function policyFor(trx: DbOrTrx, t: Selectable<TicketsTable>): Promise<Policy | null> {
  return choosePolicy(await listPolicies(trx), { priority: t.priority, tier: await customerTier(trx, t.contactId, t.companyId) });
}

/**
 * A row for a ticket under a policy, counted from the ticket's creation plus `pausedMinutes` of business time that the
 * clocks stood still. `pausedAt`: the clocks are stopped now; the minutes each target has left at that instant are
 * kept (and the due times moved on when they resume).
 */
function startRow(t: Selectable<TicketsTable>, p: Policy, cal: BusinessCalendarSpec, now: string, pausedMinutes = 0, pausedAt: string | null = null): SlaRow {
  const created = new Date(t.createdAt);
  const row = { ticketId: t.id, policyId: p.id, policyName: p.name, calendarId: p.calendarId, pausedAt, pausedMinutes, createdAt: now, updatedAt: now } as SlaRow;
  for (const k of targets) {
    const minutes = k === 'firstResponse' ? p.firstResponseMinutes : p.resolutionMinutes;
    const s = minutes ? schedule(cal, created, minutes + pausedMinutes, p.warnBeforeMinutes) : null;
    const left = s && pausedAt ? businessMinutesBetween(cal, new Date(pausedAt), new Date(s.dueAt)) : null;
    Object.assign(row, { [`${k}Minutes`]: minutes, [`${k}DueAt`]: s?.dueAt ?? null, [`${k}WarnAt`]: s?.warnAt ?? null, [`${k}WarnedAt`]: null, [`${k}BreachedAt`]: null, [`${k}MetAt`]: null, [`${k}LeftMinutes`]: left });
  }
  return row;
}

/** Brings a ticket's timers in line with the ticket as it is now; idempotent, so any ticket event may call it. */
export async function syncTicketSla(trx: DbOrTrx, ticketId: string, firstReplyAt: string | null = null): Promise<SlaRow | null> {
  const t = await trx.selectFrom('tickets').selectAll().where('id', '=', ticketId).executeTakeFirst();
  if (!t) return null;
  const now = nowIso();
  let row = (await trx.selectFrom('ticket_sla').selectAll().where('ticketId', '=', ticketId).executeTakeFirst()) ?? null;
  const policy = await policyFor(trx, t);
  if (!row && !policy) return null;
  const isNew = !row;
  if (policy && (!row || row.policyId !== policy.id)) {
    // A new ticket, or its priority/tier now calls for another policy: targets counted again from creation plus the time
    // the clocks stood still (also while paused now), what was met stays met.
    const fresh = startRow(t, policy, await calendarSpec(trx, policy.calendarId), now, row?.pausedMinutes ?? 0, row?.pausedAt ?? null);
    if (row) for (const k of targets) for (const f of ['MetAt', 'BreachedAt', 'WarnedAt'] as const) fresh[`${k}${f}`] = row[`${k}${f}`];
    if (row) await addSlaEvent(trx, ticketId, { event: 'policy', from: row.policyName, to: policy.name });
    row = { ...fresh, createdAt: row?.createdAt ?? now };
  }
  if (!row) return null;
  const cal = await calendarSpec(trx, row.calendarId);
  const before = JSON.stringify(row);
  const responded = firstReplyAt ?? t.firstRespondedAt;
  if (responded && !row.firstResponseMetAt && row.firstResponseMinutes) {
    row.firstResponseMetAt = responded;
    await addSlaEvent(trx, ticketId, { event: row.firstResponseBreachedAt ? 'metLate' : 'met', target: 'firstResponse' });
  }
  if (DONE.includes(t.status)) {
    const at = t.solvedAt ?? t.closedAt ?? now;
    for (const k of targets) {
      if (row[`${k}Minutes`] && !row[`${k}MetAt`]) {
        row[`${k}MetAt`] = at;
        if (k === 'resolution') await addSlaEvent(trx, ticketId, { event: row.resolutionBreachedAt ? 'metLate' : 'met', target: k });
      }
    }
    if (row.pausedAt) row.pausedMinutes += businessMinutesBetween(cal, new Date(row.pausedAt), new Date(at));
    row.pausedAt = null;
  } else if (row.resolutionMetAt && !DONE.includes(t.status)) {
    row.resolutionMetAt = null; // re-opened: the resolution clock runs on against its due time
  }
  const pauses = t.status === 'pending' && (policy?.id === row.policyId ? policy.pauseWhenPending : true);
  if (pauses && !row.pausedAt && !DONE.includes(t.status)) {
    row.pausedAt = now;
    for (const k of targets) {
      const due = row[`${k}DueAt`];
      row[`${k}LeftMinutes`] = due && !row[`${k}MetAt`] ? businessMinutesBetween(cal, new Date(now), new Date(due)) : null;
    }
    await addSlaEvent(trx, ticketId, { event: 'paused' });
  } else if (!pauses && row.pausedAt) {
    const warnBefore = policy?.id === row.policyId ? policy.warnBeforeMinutes : 0;
    for (const k of targets) {
      const left = row[`${k}LeftMinutes`];
      if (left == null || row[`${k}MetAt`] || row[`${k}BreachedAt`]) continue;
      const s = schedule(cal, new Date(now), left, row[`${k}WarnedAt`] ? 0 : warnBefore);
      row[`${k}DueAt`] = s.dueAt;
      row[`${k}WarnAt`] = s.warnAt;
      row[`${k}LeftMinutes`] = null;
    }
    row.pausedMinutes += businessMinutesBetween(cal, new Date(row.pausedAt), new Date(now));
    row.pausedAt = null;
    await addSlaEvent(trx, ticketId, { event: 'resumed' });
  }
  row.nextCheckAt = nextCheck(row);
  if (!isNew && JSON.stringify(row) === before) return row;
  row.updatedAt = now;
  if (isNew) {
    await trx.insertInto('ticket_sla').values(row).execute();
    await addSlaEvent(trx, ticketId, { event: 'started', policy: row.policyName, firstResponseDueAt: row.firstResponseDueAt, resolutionDueAt: row.resolutionDueAt });
  } else {
    const { ticketId: _id, ...rest } = row;
    await trx.updateTable('ticket_sla').set(rest).where('ticketId', '=', ticketId).execute();
  }
  return row;
}
