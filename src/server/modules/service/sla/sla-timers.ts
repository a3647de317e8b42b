// The durable SLA timer: a poller claims ticket_sla rows whose next check is due (a conditional update, so two
// workers never fire the same timer) and warns the assignee before a breach, or records the breach and escalates.
// State lives only in the database: a timer set before a restart fires after it.
import type { Db, DbOrTrx, Engine } from '../../../core/db/database.js';
import { nowIso } from '../../../core/ids.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { createNotification } from '../../../core/notifications/notifications.js';
import { registerPoller } from '../../../core/jobs/worker.js';
import { nextCheck, targets, type SlaRow, type TargetKind } from './ticket-sla.js';
import { addSlaEvent } from './sla-events.js';
import { escalateBreach } from './escalate-breach.js';

const BATCH = 20;
const label = (k: TargetKind) => (k === 'firstResponse' ? 'first response' : 'resolution');

async function managerOf(trx: DbOrTrx, teamId: string | null): Promise<string | null> {
  if (!teamId) return null;
  return (await trx.selectFrom('teams').select('managerId').where('id', '=', teamId).executeTakeFirst())?.managerId ?? null;
}

async function fire(trx: DbOrTrx, engine: Engine, row: SlaRow, now: string): Promise<void> {
  const t = await trx.selectFrom('tickets').select(['id', 'number', 'subject', 'assigneeId', 'teamId']).where('id', '=', row.ticketId).executeTakeFirstOrThrow();
  const params = { number: t.number, subject: t.subject };
  for (const k of targets) {
    if (row[`${k}MetAt`] || row[`${k}BreachedAt`]) continue;
    const due = row[`${k}DueAt`];
    const warn = row[`${k}WarnAt`];
    if (due && due <= now) {
      row[`${k}BreachedAt`] = now;
      await addSlaEvent(trx, t.id, { event: 'breach', target: k, dueAt: due });
      await emitEvent(trx, 'ticket.sla_breached', 'ticket', t.id, { ticketId: t.id, target: k, dueAt: due, policyId: row.policyId });
      const escalated = await escalateBreach(trx, engine, row, k);
      const manager = await managerOf(trx, escalated.teamId ?? t.teamId);
      if (manager) {
        await createNotification(trx, { userId: manager, kind: 'sla.breach', title: `SLA breached (${label(k)}): #${t.number} ${t.subject}`, body: escalated.explanation, params: { ...params, target: k, dueAt: due, assigneeId: escalated.assigneeId, routingSteps: escalated.steps }, entity: 'ticket', entityId: t.id });
      }
    } else if (warn && warn <= now && !row[`${k}WarnedAt`]) {
      row[`${k}WarnedAt`] = now;
      await addSlaEvent(trx, t.id, { event: 'warning', target: k, dueAt: due });
      const to = t.assigneeId ?? (await managerOf(trx, t.teamId));
      if (to) await createNotification(trx, { userId: to, kind: 'sla.warning', title: `SLA ${label(k)} due soon: #${t.number} ${t.subject}`, params: { ...params, target: k, dueAt: due }, entity: 'ticket', entityId: t.id });
    }
  }
}

/** One round: claims and fires up to BATCH due timers; returns how many it fired. */
export async function runSlaTimers(db: Db): Promise<number> {
  const now = nowIso();
  const due = await db.kysely.selectFrom('ticket_sla').select(['ticketId', 'nextCheckAt']).where('nextCheckAt', '<=', now).orderBy('nextCheckAt').limit(BATCH).execute();
  let fired = 0;
  for (const d of due) {
    const done = await db.kysely.transaction().execute(async (trx) => {
      // The claim: only the worker whose update sees the same next check goes on; the other finds nothing to do.
      const claimed = await trx.updateTable('ticket_sla').set({ updatedAt: now }).where('ticketId', '=', d.ticketId).where('nextCheckAt', '=', d.nextCheckAt).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return false;
      const row = await trx.selectFrom('ticket_sla').selectAll().where('ticketId', '=', d.ticketId).executeTakeFirstOrThrow();
      await fire(trx, db.engine, row, now);
      const { ticketId: _id, ...rest } = row;
      await trx.updateTable('ticket_sla').set({ ...rest, nextCheckAt: nextCheck(row), updatedAt: now }).where('ticketId', '=', d.ticketId).execute();
      return true;
    });
    if (done) fired++;
  }
  return fired;
}

registerPoller({ name: 'sla-timers', run: runSlaTimers, idleMs: 5_000 });
