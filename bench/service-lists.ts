// The service list benchmarks' data and timing (used by bench/inbox.ts): 1,000,000 tickets bulk-inserted on either
// engine, a support team with an agent whose role sees only their own and their team's records, and a timed run of
// list URLs that also reads the server process's CPU time from /proc (server-side cost, less sensitive to the load
// other processes put on the machine than wall-clock latency).
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { Db } from '../src/server/core/db/database.js';
import { get, latency, request, type Latency } from './http-client.js';

export const TEAMS = 8;

/**
 * Row g's attributes come from digits of a multiplicative hash (identical in JS and SQL), so status, team, assignee
 * and channel are independent of each other: with plain `g % k` a team's rows would all share a few statuses and
 * some combinations (a team's unassigned new tickets) would never occur at all.
 */
export const digitsOf = (g: number) => {
  const h = Math.imul(g, 2654435761) >>> 0;
  return { status: h % 20, team: Math.floor(h / 20) % TEAMS, assignee: Math.floor(h / 160) % 40, channel: Math.floor(h / 6400) % 4, priority: Math.floor(h / 25600) % 5 };
};
/** The same digits in PostgreSQL over generate_series(…) g. */
export const digitsSql = {
  status: sql`((g::bigint * 2654435761) % 4294967296) % 20`,
  team: sql`(((g::bigint * 2654435761) % 4294967296) / 20) % ${sql.lit(TEAMS)}`,
  assignee: sql`(((g::bigint * 2654435761) % 4294967296) / 160) % 40`,
  channel: sql`(((g::bigint * 2654435761) % 4294967296) / 6400) % 4`,
  priority: sql`(((g::bigint * 2654435761) % 4294967296) / 25600) % 5`,
};
export interface ServiceBenchPeople {
  adminId: string;
  agentId: string;
  agentAuth: Record<string, string>;
  teamIds: string[]; // teamIds[0] is the agent's team
}

/** Eight teams, an agent in the first one, and the support role restricted to own + team records. */
export async function createServicePeople(base: string, admin: Record<string, string>, adminId: string): Promise<ServiceBenchPeople> {
  const teamIds: string[] = [];
  for (let i = 0; i < TEAMS; i++) {
    const r = await request('POST', base, '/api/v1/teams', admin, { name: `Support ${i}` });
    if (r.status !== 201) throw new Error(`team: ${r.status} ${r.body}`);
    teamIds.push((JSON.parse(r.body) as { id: string }).id);
  }
  const password = 'bench-agent-password-1';
  const u = await request('POST', base, '/api/v1/users', admin, { email: 'agent0@example.com', name: 'Agent 0', password, role: 'support', teamId: teamIds[0] });
  if (u.status !== 201) throw new Error(`agent: ${u.status} ${u.body}`);
  const role = await request('PUT', base, '/api/v1/roles/support', admin, { visibility: 'own_team' });
  if (role.status !== 200) throw new Error(`role: ${role.status} ${role.body}`);
  const login = await request('POST', base, '/api/v1/auth/login', {}, { email: 'agent0@example.com', password });
  const agentAuth = { authorization: `Bearer ${(JSON.parse(login.body) as { token: string }).token}` };
  return { adminId, agentId: (JSON.parse(u.body) as { id: string }).id, agentAuth, teamIds };
}

/**
 * N tickets, one every 30 s: 10 % new, 20 % open, 5 % pending, 5 % on hold, 60 % solved or closed; a team each
 * (1/8 per team); a tenth assigned to the admin, 1/40 to the agent, 37.5 % to users outside the bench, half to nobody.
 */
export async function seedTickets(db: Db, n: number, p: ServiceBenchPeople): Promise<number> {
  const t0 = performance.now();
  const statusOf = (d: number) => ['new', 'new', 'open', 'open', 'open', 'open', 'pending', 'on_hold'][d] ?? (d < 14 ? 'solved' : 'closed');
  const assigneeOf = (d: number) => (d < 4 ? p.adminId : d === 4 ? p.agentId : d < 20 ? `other-agent-${d % 7}` : null);
  const teams = JSON.stringify(p.teamIds);
  const d = digitsSql;
  if (db.engine === 'postgres') {
    await sql`insert into tickets (id, number, subject, status, priority, channel, assignee_id, team_id, tags, custom_fields, created_at, updated_at)
      select lpad(to_hex(g), 12, '0') || '-tbench', 100000 + g, 'Ticket ' || g,
        case when ${d.status} < 2 then 'new' when ${d.status} < 6 then 'open' when ${d.status} = 6 then 'pending' when ${d.status} = 7 then 'on_hold' when ${d.status} < 14 then 'solved' else 'closed' end,
        (array['normal','normal','high','low','urgent'])[1 + ${d.priority}], (array['email','chat','phone','web'])[1 + ${d.channel}],
        case when ${d.assignee} < 4 then ${p.adminId} when ${d.assignee} = 4 then ${p.agentId} when ${d.assignee} < 20 then 'other-agent-' || (${d.assignee} % 7) else null end,
        (${teams}::jsonb ->> (${d.team})::int), '[]', '{}',
        to_char(timestamp '2026-01-01' + (g * interval '30 seconds'), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        to_char(timestamp '2026-01-01' + (g * interval '30 seconds'), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
      from generate_series(1, ${n}::int) g`.execute(db.kysely);
    await sql`analyze tickets`.execute(db.kysely);
  } else {
    const raw = db.sqlite!;
    const ins = raw.prepare(`insert into tickets (id, number, subject, status, priority, channel, assignee_id, team_id, tags, custom_fields, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, '[]', '{}', ?, ?)`);
    const start = Date.parse('2026-01-01T00:00:00Z');
    const batch = raw.transaction((from: number, to: number) => {
      for (let g = from; g < to; g++) {
        const at = new Date(start + g * 30_000).toISOString();
        const x = digitsOf(g);
        ins.run(`${g.toString(16).padStart(12, '0')}-tbench`, 100000 + g, `Ticket ${g}`, statusOf(x.status), ['normal', 'normal', 'high', 'low', 'urgent'][x.priority], ['email', 'chat', 'phone', 'web'][x.channel], assigneeOf(x.assignee), p.teamIds[x.team], at, at);
      }
    });
    for (let g = 1; g <= n; g += 50_000) batch(g, Math.min(n + 1, g + 50_000));
    raw.exec('analyze');
  }
  return (performance.now() - t0) / 1000;
}

/** user + system CPU seconds of a process so far (Linux /proc; clock ticks of 10 ms). */
export function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

export interface ListTiming {
  path: string;
  who: string;
  latency: Latency;
  serverCpuMs: number;
}

/** 200 (BENCH_LIST_REQUESTS) sequential requests per URL (every fifth reads the next keyset page); wall clock and the server's CPU per request. */
export async function timeLists(base: string, pid: number, label: string, urls: { path: string; who: string; auth: Record<string, string> }[], requests = Number(process.env.BENCH_LIST_REQUESTS ?? 200)): Promise<ListTiming[]> {
  const out: ListTiming[] = [];
  // A keep-alive socket the server closed while this process was busy seeding (synchronously) fails once: drop it.
  for (let i = 0; i < 3; i++) await get(base, '/healthz').catch(() => undefined);
  for (const u of urls) {
    const samples: number[] = [];
    let cursor: string | null = null;
    const sep = u.path.includes('?') ? '&' : '?';
    const cpu0 = processCpuMs(pid);
    for (let i = 0; i < requests; i++) {
      const r = await get(base, cursor && i % 5 ? `${u.path}${sep}cursor=${cursor}` : u.path, u.auth);
      if (r.status !== 200) throw new Error(`${u.path}: ${r.status} ${r.body.slice(0, 200)}`);
      cursor = (JSON.parse(r.body) as { nextCursor?: string | null }).nextCursor ?? null;
      samples.push(r.ms);
    }
    const t: ListTiming = { path: u.path, who: u.who, latency: latency(samples), serverCpuMs: (processCpuMs(pid) - cpu0) / requests };
    out.push(t);
    const l = t.latency;
    console.log(`${label} ${`${u.path.replace('/api/v1', '')} (${u.who})`.padEnd(64)} p50 ${l.p50.toFixed(2)} ms  p99 ${l.p99.toFixed(2)} ms  max ${l.max.toFixed(1)} ms  server cpu ${t.serverCpuMs.toFixed(2)} ms/req`);
  }
  return out;
}
