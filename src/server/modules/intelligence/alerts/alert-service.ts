// Alerts as their owners (and whoever may see the record) read and decide them: the list, accept (optionally making
// a task for the suggested action), dismiss, snooze, and the acceptance rate per rule.
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import { visibleTo, type Actor } from '../../../core/auth/actor.js';
import { contactVisibleTo } from '../../../core/auth/record-scope.js';
import { AppError, notFound } from '../../../core/errors.js';
import { nowIso } from '../../../core/ids.js';
import { decodeCursor, keysetAfter, pageOf } from '../../../core/pagination.js';
import { logInteraction } from '../../interactions/index.js';
import { alertTaskSubject } from './alert-task-subject.js';
import { alertRules, type AlertStatus, type AlertsTable } from './alert-tables.js';

const visible = (db: DbOrTrx, actor: Actor) =>
  db
    .selectFrom('alerts as a')
    .where((eb) => visibleTo(eb, actor, 'a.ownerId', 'a.teamId'))
    .where((eb) => eb.or([eb('a.contactId', 'is', null), contactVisibleTo(eb, actor, 'a.contactId')]));

export function toAlert(r: AlertsTable & { productName?: string | null }) {
  return { id: r.id, rule: r.rule, entity: r.entity, entityId: r.entityId, contactId: r.contactId, ownerId: r.ownerId, title: r.title, facts: JSON.parse(r.facts) as Record<string, unknown>, action: r.action, productId: r.productId, productName: r.productName ?? null, status: r.status, snoozedUntil: r.snoozedUntil, decidedAt: r.decidedAt, taskId: r.taskId, createdAt: r.createdAt };
}

export interface AlertListQuery {
  status: AlertStatus | 'active';
  mine: boolean;
  limit: number;
  cursor?: string;
}

export async function listAlerts(db: DbOrTrx, actor: Actor, q: AlertListQuery) {
  let query = visible(db, actor).leftJoin('products as p', 'p.id', 'a.productId').selectAll('a').select('p.nameEn as productName');
  query = q.status === 'active' ? query.where('a.status', 'in', ['open', 'snoozed']) : query.where('a.status', '=', q.status);
  if (q.mine) query = query.where('a.ownerId', '=', actor.id);
  if (q.cursor) query = query.where(keysetAfter('a.createdAt', 'a.id', decodeCursor(q.cursor, 2), 'desc'));
  const rows = await query.orderBy('a.createdAt', 'desc').orderBy('a.id', 'desc').limit(q.limit + 1).execute();
  return pageOf(rows.map(toAlert), q.limit, (r) => [r.createdAt, r.id]);
}

async function loadVisible(db: DbOrTrx, actor: Actor, id: string) {
  const row = await visible(db, actor).selectAll('a').where('a.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Alert');
  return row;
}

/** Moves an open or snoozed alert to its decision; a decided alert cannot be decided again (409). */
async function decide(db: DbOrTrx, actor: Actor, id: string, status: AlertStatus, extra: { snoozedUntil?: string | null } = {}) {
  const row = await loadVisible(db, actor, id);
  const closing = status === 'accepted' || status === 'dismissed';
  const now = nowIso();
  const r = await db
    .updateTable('alerts')
    .set({ status, openKey: closing ? null : row.openKey, snoozedUntil: extra.snoozedUntil ?? null, decidedBy: actor.id, decidedAt: now, updatedAt: now })
    .where('id', '=', id)
    .where('status', 'in', ['open', 'snoozed'])
    .executeTakeFirst();
  if (!Number(r.numUpdatedRows)) throw new AppError('conflict', 'This alert was already decided');
  return row;
}

export async function acceptAlert(db: Db, actor: Actor, id: string, opts: { createTask: boolean; dueAt?: string }) {
  const row = await decide(db.kysely, actor, id, 'accepted');
  if (!opts.createTask) return getAlert(db.kysely, actor, id);
  const facts = JSON.parse(row.facts) as Record<string, unknown>;
  const product = row.productId && typeof facts.product === 'string' ? facts.product : null;
  const who = await db.kysely.selectFrom('users').select('locale').where('id', '=', actor.id).executeTakeFirst();
  const subject = alertTaskSubject(who?.locale ?? 'en', { rule: row.rule, action: row.action, title: row.title, facts, product });
  const companyId = typeof facts.companyId === 'string' ? facts.companyId : null;
  const dueAt = opts.dueAt ?? new Date(Date.now() + 86_400_000).toISOString();
  try {
    const task = await logInteraction(db, actor, { type: 'task', contactId: row.contactId, companyId: row.contactId ? null : companyId, subject, dueAt }, row.entity === 'deal' ? { dealId: row.entityId } : {});
    await db.kysely.updateTable('alerts').set({ taskId: task.id }).where('id', '=', id).execute();
  } catch (err) {
    // No task, no acceptance: the alert goes back to open so the owner can try again.
    await db.kysely.updateTable('alerts').set({ status: row.status, openKey: row.openKey, decidedBy: null, decidedAt: null }).where('id', '=', id).execute();
    throw err;
  }
  return getAlert(db.kysely, actor, id);
}

export async function dismissAlert(db: DbOrTrx, actor: Actor, id: string) {
  await decide(db, actor, id, 'dismissed');
  return getAlert(db, actor, id);
}

export async function snoozeAlert(db: DbOrTrx, actor: Actor, id: string, until: string) {
  if (Date.parse(until) <= Date.now()) throw new AppError('validation', 'Snooze until a time in the future', [{ path: 'until', message: 'in the past' }]);
  await decide(db, actor, id, 'snoozed', { snoozedUntil: new Date(until).toISOString() });
  return getAlert(db, actor, id);
}

export async function getAlert(db: DbOrTrx, actor: Actor, id: string) {
  const row = await visible(db, actor).leftJoin('products as p', 'p.id', 'a.productId').selectAll('a').select('p.nameEn as productName').where('a.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Alert');
  return toAlert(row);
}

/** Per rule: raised, still open or snoozed, accepted, dismissed, and accepted ÷ decided. */
export async function alertStats(db: DbOrTrx, actor: Actor) {
  const rows = await visible(db, actor)
    .select((eb) => ['a.rule', 'a.status', eb.fn.countAll<number>().as('n')])
    .groupBy(['a.rule', 'a.status'])
    .execute();
  return alertRules.map((rule) => {
    const n = (s: AlertStatus) => Number(rows.find((r) => r.rule === rule && r.status === s)?.n ?? 0);
    const [open, snoozed, accepted, dismissed] = [n('open'), n('snoozed'), n('accepted'), n('dismissed')];
    return { rule, raised: open + snoozed + accepted + dismissed, open, snoozed, accepted, dismissed, acceptanceRate: accepted + dismissed ? Math.round((accepted / (accepted + dismissed)) * 1000) / 1000 : null };
  });
}

