// The ticket tiles of the service dashboard: open tickets now, SLA attainment, first-response and resolution times,
// the daily backlog and the channel mix, all within the actor's dashboard scope.
import { sql } from 'kysely';
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { ticketScope } from './dashboard-scope.js';
import { minutesBetween, percentile } from './duration-percentiles.js';
import type { ServiceDashboard } from './dashboard-schemas.js';

export interface Range {
  /** Inclusive UTC days and the instants bounding them. */
  from: string;
  to: string;
  start: string;
  end: string;
  teamId?: string;
}

const tickets = (db: Db, actor: Actor, teamId?: string) => db.kysely.selectFrom('tickets as t').where((eb) => ticketScope(eb, actor, teamId));
const n = (v: unknown) => Number(v ?? 0);

export async function openTickets(db: Db, actor: Actor, r: Range): Promise<ServiceDashboard['open']> {
  const open = () => tickets(db, actor, r.teamId).where('t.status', 'not in', ['solved', 'closed']);
  const [byStatus, byPriority, byTeam] = await Promise.all([
    open().select(['t.status', (eb) => eb.fn.countAll<number>().as('count')]).groupBy('t.status').orderBy('t.status').execute(),
    open().select(['t.priority', (eb) => eb.fn.countAll<number>().as('count')]).groupBy('t.priority').orderBy('t.priority').execute(),
    open().leftJoin('teams as tm', 'tm.id', 't.teamId').select(['t.teamId', 'tm.name as teamName', (eb) => eb.fn.countAll<number>().as('count')]).groupBy(['t.teamId', 'tm.name']).orderBy('tm.name').execute(),
  ]);
  return {
    total: byStatus.reduce((s, x) => s + n(x.count), 0),
    byStatus: byStatus.map((x) => ({ status: x.status, count: n(x.count) })),
    byPriority: byPriority.map((x) => ({ priority: x.priority, count: n(x.count) })),
    byTeam: byTeam.map((x) => ({ teamId: x.teamId, teamName: x.teamName, count: n(x.count) })),
  };
}

/** Median and p90 minutes from `startCol` to `endCol`, for tickets whose end falls in the range. */
export async function durations(db: Db, actor: Actor, r: Range, endCol: 't.firstRespondedAt' | 't.solvedAt'): Promise<{ count: number; medianMinutes: number | null; p90Minutes: number | null }> {
  const minutes = minutesBetween(db.engine, 't.createdAt', endCol);
  const base = () => tickets(db, actor, r.teamId).where(endCol, '>=', r.start).where(endCol, '<', r.end);
  const total = n((await base().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n);
  const at = async (offset: number, count: number) =>
    (await base().select(minutes.as('m')).orderBy(minutes).orderBy('t.id').limit(count).offset(offset).execute()).map((x) => Number(x.m));
  const [medianMinutes, p90Minutes] = await Promise.all([percentile(total, 0.5, at), percentile(total, 0.9, at)]);
  return { count: total, medianMinutes, p90Minutes };
}

/** Met, breached and still-running SLA clocks of the tickets created in the range (ticket_sla of the SLA part). */
export async function slaAttainment(db: Db, actor: Actor, r: Range): Promise<ServiceDashboard['sla']> {
  const rows = await tickets(db, actor, r.teamId)
    .innerJoin('ticket_sla as s', 's.ticketId', 't.id')
    .where('t.createdAt', '>=', r.start)
    .where('t.createdAt', '<', r.end)
    .select(['s.firstResponseDueAt', 's.firstResponseMetAt', 's.firstResponseBreachedAt', 's.resolutionDueAt', 's.resolutionMetAt', 's.resolutionBreachedAt'])
    .execute();
  if (rows.length === 0) return null;
  const tally = (due: (x: (typeof rows)[number]) => string | null, met: (x: (typeof rows)[number]) => string | null, breached: (x: (typeof rows)[number]) => string | null) => {
    const withTarget = rows.filter((x) => due(x) !== null || met(x) !== null || breached(x) !== null);
    const b = withTarget.filter((x) => breached(x) !== null).length;
    const m = withTarget.filter((x) => breached(x) === null && met(x) !== null).length;
    return { met: m, breached: b, running: withTarget.length - m - b, attainmentPct: m + b ? Math.round((m / (m + b)) * 1000) / 10 : null };
  };
  return {
    firstResponse: tally((x) => x.firstResponseDueAt, (x) => x.firstResponseMetAt, (x) => x.firstResponseBreachedAt),
    resolution: tally((x) => x.resolutionDueAt, (x) => x.resolutionMetAt, (x) => x.resolutionBreachedAt),
  };
}

const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`); d += 86400_000) out.push(new Date(d).toISOString().slice(0, 10));
  return out;
};

/** Open tickets at the end of each day: opened by then minus solved (or closed) by then. */
export async function backlog(db: Db, actor: Actor, r: Range): Promise<ServiceDashboard['backlog']> {
  const resolvedAt = sql<string>`coalesce(${sql.ref('t.solvedAt')}, ${sql.ref('t.closedAt')})`;
  const day = (col: ReturnType<typeof sql<string>> | string) => sql<string>`substr(${typeof col === 'string' ? sql.ref(col) : col}, 1, 10)`;
  const [createdBefore, resolvedBefore, created, resolved] = await Promise.all([
    tickets(db, actor, r.teamId).where('t.createdAt', '<', r.start).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    tickets(db, actor, r.teamId).where(resolvedAt, '<', r.start).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    tickets(db, actor, r.teamId).where('t.createdAt', '>=', r.start).where('t.createdAt', '<', r.end).select([day('t.createdAt').as('d'), (eb) => eb.fn.countAll<number>().as('n')]).groupBy(day('t.createdAt')).execute(),
    tickets(db, actor, r.teamId).where(resolvedAt, '>=', r.start).where(resolvedAt, '<', r.end).select([day(resolvedAt).as('d'), (eb) => eb.fn.countAll<number>().as('n')]).groupBy(day(resolvedAt)).execute(),
  ]);
  const createdOn = new Map(created.map((x) => [x.d, n(x.n)]));
  const resolvedOn = new Map(resolved.map((x) => [x.d, n(x.n)]));
  let open = n(createdBefore?.n) - n(resolvedBefore?.n);
  return days(r.from, r.to).map((date) => {
    const c = createdOn.get(date) ?? 0;
    const s = resolvedOn.get(date) ?? 0;
    open += c - s;
    return { date, open, created: c, solved: s };
  });
}

export async function channelMix(db: Db, actor: Actor, r: Range): Promise<ServiceDashboard['channels']> {
  const rows = await tickets(db, actor, r.teamId)
    .where('t.createdAt', '>=', r.start)
    .where('t.createdAt', '<', r.end)
    .select(['t.channel', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('t.channel')
    .execute();
  return rows.map((x) => ({ channel: x.channel, count: n(x.count) })).sort((a, b) => b.count - a.count || a.channel.localeCompare(b.channel));
}
