// Quotas per rep and per team by month (set by managers and admins), and the quota a forecast compares against.
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { AppError } from '../../../core/errors.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { getOrgSettings } from '../../../core/settings.js';
import type { QuotaInput } from './forecast-schemas.js';

const toQuota = (r: { target: string; month: string; amount: number; currency: string }) => ({
  userId: r.target.startsWith('user:') ? r.target.slice(5) : null,
  teamId: r.target.startsWith('team:') ? r.target.slice(5) : null,
  month: r.month,
  amount: Number(r.amount),
  currency: r.currency,
});

export async function setQuota(db: Db, actor: Actor, input: QuotaInput) {
  if (actor.role !== 'admin' && actor.role !== 'manager') throw new AppError('forbidden', 'Only managers and administrators set quotas');
  const target = input.userId ? `user:${input.userId}` : `team:${input.teamId}`;
  const exists = input.userId
    ? await db.kysely.selectFrom('users').select('id').where('id', '=', input.userId).executeTakeFirst()
    : await db.kysely.selectFrom('teams').select('id').where('id', '=', input.teamId!).executeTakeFirst();
  if (!exists) throw new AppError('validation', `That ${input.userId ? 'user' : 'team'} does not exist`, [{ path: input.userId ? 'userId' : 'teamId', message: 'unknown' }]);
  const row = { target, month: input.month, amount: input.amount, currency: input.currency ?? (await getOrgSettings(db.kysely)).defaultCurrency };
  return db.kysely.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('quotas').selectAll().where('target', '=', target).where('month', '=', input.month).executeTakeFirst();
    if (before) await trx.updateTable('quotas').set({ amount: row.amount, currency: row.currency }).where('target', '=', target).where('month', '=', input.month).execute();
    else await trx.insertInto('quotas').values(row).execute();
    const key = `${target}:${input.month}`;
    await writeAudit(trx, db.engine, { actorId: actor.id, action: before ? 'update' : 'create', entity: 'quota', entityId: key, before: before ? toQuota(before) : undefined, after: toQuota(row) });
    await emitEvent(trx, 'quota.set', 'quota', key, toQuota(row));
    return toQuota(row);
  });
}

/**
 * The quota targets the actor may see, as their deals: their own, their team's and their teammates'; null = all.
 * Other teams' and reps' quotas are as private as their deals.
 */
async function visibleTargets(db: Db, actor: Actor): Promise<Set<string> | null> {
  if (actor.visibility === 'all') return null;
  const targets = new Set([`user:${actor.id}`]);
  if (actor.teamId) {
    targets.add(`team:${actor.teamId}`);
    for (const u of await db.kysely.selectFrom('users').select('id').where('teamId', '=', actor.teamId).execute()) targets.add(`user:${u.id}`);
  }
  return targets;
}

async function quotaRows(db: Db, actor: Actor, from: string, to: string, currency?: string) {
  let q = db.kysely.selectFrom('quotas').selectAll().where('month', '>=', from).where('month', '<=', to);
  if (currency) q = q.where('currency', '=', currency);
  const [rows, visible] = await Promise.all([q.orderBy('month').orderBy('target').execute(), visibleTargets(db, actor)]);
  return visible ? rows.filter((r) => visible.has(r.target)) : rows;
}

export async function listQuotas(db: Db, actor: Actor, from: string, to: string) {
  return (await quotaRows(db, actor, from, to)).map(toQuota);
}

/**
 * The quota a forecast compares against: the rep's when filtered by owner, the team's when by team; unfiltered, the sum of
 * team quotas (or of rep quotas when no team has one), or for a rep who sees only their own, their team's (else their own).
 * Only quotas the actor may see count: a rep naming another team or its rep gets no quota.
 */
export async function quotaByMonth(db: Db, actor: Actor, q: { ownerId?: string; teamId?: string }, months: string[], currency: string): Promise<Map<string, number>> {
  const rows = await quotaRows(db, actor, months[0]!, months[months.length - 1]!, currency);
  const ownerId = q.ownerId === 'me' ? actor.id : q.ownerId;
  let pick: (t: string) => boolean;
  if (ownerId) pick = (t) => t === `user:${ownerId}`;
  else if (q.teamId) pick = (t) => t === `team:${q.teamId}`;
  else if (actor.visibility !== 'all') pick = actor.teamId ? (t) => t === `team:${actor.teamId}` : (t) => t === `user:${actor.id}`;
  else pick = rows.some((r) => r.target.startsWith('team:')) ? (t) => t.startsWith('team:') : (t) => t.startsWith('user:');
  const out = new Map<string, number>();
  for (const r of rows) if (pick(r.target)) out.set(r.month, (out.get(r.month) ?? 0) + Number(r.amount));
  return out;
}
