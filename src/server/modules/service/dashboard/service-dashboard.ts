// The service dashboard: every tile for a date range (UTC days, default the last 30) in the actor's scope.
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { dashboardScopeOf } from './dashboard-scope.js';
import { backlog, channelMix, durations, openTickets, slaAttainment, type Range } from './dashboard-tickets.js';
import { satisfaction } from './dashboard-satisfaction.js';
import type { DashboardQuery, ServiceDashboard } from './dashboard-schemas.js';

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function rangeOf(q: DashboardQuery, now = Date.now()): Range {
  const to = q.to ?? (q.from && Date.parse(q.from) + 29 * 86400_000 < now ? dayOf(Date.parse(q.from) + 29 * 86400_000) : dayOf(now));
  const from = q.from ?? dayOf(Date.parse(to) - 29 * 86400_000);
  return { from, to, start: `${from}T00:00:00.000Z`, end: new Date(Date.parse(to) + 86400_000).toISOString(), teamId: q.teamId };
}

export async function serviceDashboard(db: Db, actor: Actor, q: DashboardQuery): Promise<ServiceDashboard> {
  const r = rangeOf(q);
  const [open, sla, firstResponse, resolution, trend, sat, channels] = await Promise.all([
    openTickets(db, actor, r),
    slaAttainment(db, actor, r),
    durations(db, actor, r, 't.firstRespondedAt'),
    durations(db, actor, r, 't.solvedAt'),
    backlog(db, actor, r),
    satisfaction(db, actor, r),
    channelMix(db, actor, r),
  ]);
  return {
    range: { from: r.from, to: r.to },
    scope: dashboardScopeOf(actor),
    open,
    sla,
    slaNote: sla ? null : 'No ticket created in this range is under an SLA policy',
    firstResponse,
    resolution,
    backlog: trend,
    satisfaction: sat,
    channels,
  };
}
