// The satisfaction tile of the service dashboard: CSAT average and share satisfied (4–5), NPS (promoters 9–10 minus
// detractors 0–6, in points), overall and per day (per month past 62 days), for answers given in the range.
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { ticketScope } from './dashboard-scope.js';
import type { Range } from './dashboard-tickets.js';
import type { ServiceDashboard } from './dashboard-schemas.js';

interface Answer {
  csat: number | null;
  nps: number | null;
  answeredAt: string;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

function summarise(rows: Answer[]) {
  const csat = rows.map((r) => r.csat).filter((v): v is number => v !== null);
  const nps = rows.map((r) => r.nps).filter((v): v is number => v !== null);
  return {
    responses: rows.length,
    csatAverage: csat.length ? round1(csat.reduce((s, v) => s + v, 0) / csat.length) : null,
    csatSatisfiedPct: csat.length ? round1((csat.filter((v) => v >= 4).length / csat.length) * 100) : null,
    nps: nps.length ? round1(((nps.filter((v) => v >= 9).length - nps.filter((v) => v <= 6).length) / nps.length) * 100) : null,
    npsResponses: nps.length,
  };
}

export async function satisfaction(db: Db, actor: Actor, r: Range): Promise<ServiceDashboard['satisfaction']> {
  // One row per answered survey: at most one per ticket, so reading them is bounded by the tickets solved.
  const rows = await db.kysely
    .selectFrom('surveys as s')
    .innerJoin('tickets as t', 't.id', 's.ticketId')
    .where((eb) => ticketScope(eb, actor, r.teamId))
    .where('s.answeredAt', '>=', r.start)
    .where('s.answeredAt', '<', r.end)
    .select(['s.csat', 's.nps', 's.answeredAt'])
    .orderBy('s.answeredAt')
    .execute();
  const answered = rows.filter((x): x is Answer => x.answeredAt !== null);
  const byMonth = (Date.parse(r.to) - Date.parse(r.from)) / 86400_000 > 62;
  const periods = new Map<string, Answer[]>();
  for (const a of answered) {
    const key = a.answeredAt.slice(0, byMonth ? 7 : 10);
    periods.set(key, [...(periods.get(key) ?? []), a]);
  }
  const total = summarise(answered);
  return {
    ...total,
    trend: [...periods].map(([period, list]) => {
      const s = summarise(list);
      return { period, responses: s.responses, csatAverage: s.csatAverage, nps: s.nps };
    }),
  };
}
