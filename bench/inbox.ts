// `BENCH_ONLY=inbox npm run bench` (also the end of a full run): the real server as a child process (`rapport serve`),
// 1,000,000 conversations bulk-inserted, the inbox list's latency (target p99 < 25 ms), then 1,000 widget visitors
// on WebSockets on loopback exchanging messages with an agent's socket and HTTP replies (target p99 delivery < 100 ms).
// The ticket list is timed the same way over 1,000,000 bulk-inserted tickets (target p99 < 25 ms), as an admin and as
// a support agent who sees only their own and their team's records (bench/service-lists.ts).
// Knobs: BENCH_CONVERSATIONS (1000000), BENCH_TICKETS (1000000), BENCH_VISITORS (1000), BENCH_WIDGET_RATE messages/s
// (200), BENCH_WIDGET_SECONDS (10), BENCH_WIDGET=0 (lists only), BENCH_INBOX_DATABASE_URL (a PostgreSQL schema instead
// of a fresh SQLite file), BENCH_KEEP_DIR (keep the data directory, e.g. to EXPLAIN by hand).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import WebSocket from 'ws';
import { openDatabase, type Db } from '../src/server/core/db/database.js';
import { get, latency, request, type Latency } from './http-client.js';
import { createServicePeople, digitsOf, digitsSql, seedTickets, timeLists, type ServiceBenchPeople } from './service-lists.js';

const env = process.env;
const N = Number(env.BENCH_CONVERSATIONS ?? 1_000_000);
const TICKETS = Number(env.BENCH_TICKETS ?? 1_000_000);
const VISITORS = Number(env.BENCH_VISITORS ?? 1000);
const RATE = Number(env.BENCH_WIDGET_RATE ?? 200);
const SECONDS = Number(env.BENCH_WIDGET_SECONDS ?? 10);
const fmt = (l: Latency) => `p50 ${l.p50.toFixed(2)} ms  p99 ${l.p99.toFixed(2)} ms  max ${l.max.toFixed(1)} ms  (n ${l.n})`;

async function startServer(databaseUrl: string, dataDir: string): Promise<{ base: string; child: ChildProcess }> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  // BENCH_SERVER_NODE_ARGS: extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const child = spawn(process.execPath, [...(env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), 'bin/rapport.mjs', 'serve', '--port', String(port), '--no-worker'], {
    env: { ...env, DATABASE_URL: databaseUrl, RAPPORT_DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'warn', RAPPORT_ADMIN_EMAIL: 'bench@example.com', RAPPORT_ADMIN_PASSWORD: 'bench-password-1', RAPPORT_WIDGET_ADDRESS_PER_MINUTE: '100000000', RAPPORT_WIDGET_VISITOR_PER_MINUTE: '100000' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    const up = await get(base, '/healthz').catch(() => null);
    if (up?.status === 200) return { base, child };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server did not start');
}

/** Bulk insert of conversations: 70 % resolved, 25 % open, 5 % pending; a team each (1/8 per team), a tenth assigned
 * to the bench admin and 1/40 to the agent (independent of each other: bench/service-lists.ts digitsOf). */
async function seedConversations(db: Db, p: ServiceBenchPeople): Promise<number> {
  const t0 = performance.now();
  const existing = Number((await db.kysely.selectFrom('conversations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  if (existing >= N) return 0;
  const kinds = ['chat', 'email', 'im', 'phone'];
  const start = Date.parse('2026-01-01T00:00:00Z');
  const d = digitsSql;
  if (db.engine === 'postgres') {
    await sql`insert into conversations (id, channel_kind, status, assignee_id, team_id, last_message_at, last_message_preview, unread_count, created_at, updated_at)
      select lpad(to_hex(g), 12, '0') || '-bench', (array['chat','email','im','phone'])[1 + ${d.channel}],
        case when ${d.status} = 0 then 'pending' when ${d.status} < 6 then 'open' else 'resolved' end,
        case when ${d.assignee} < 4 then ${p.adminId} when ${d.assignee} = 4 then ${p.agentId} else null end, (${JSON.stringify(p.teamIds)}::jsonb ->> (${d.team})::int),
        to_char(timestamp '2026-01-01' + (g * interval '30 seconds'), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'Message ' || g, g % 3,
        '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'
      from generate_series(${existing + 1}::int, ${N}::int) g`.execute(db.kysely);
    await sql`analyze conversations`.execute(db.kysely);
  } else {
    const raw = db.sqlite!;
    const ins = raw.prepare(`insert into conversations (id, channel_kind, status, assignee_id, team_id, last_message_at, last_message_preview, unread_count, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const batch = raw.transaction((from: number, to: number) => {
      for (let g = from; g < to; g++) {
        const at = new Date(start + g * 30_000).toISOString();
        const x = digitsOf(g);
        ins.run(`${g.toString(16).padStart(12, '0')}-bench`, kinds[x.channel], x.status === 0 ? 'pending' : x.status < 6 ? 'open' : 'resolved', x.assignee < 4 ? p.adminId : x.assignee === 4 ? p.agentId : null, p.teamIds[x.team], at, `Message ${g}`, g % 3, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
      }
    });
    for (let g = existing + 1; g <= N; g += 50_000) batch(g, Math.min(N + 1, g + 50_000));
    raw.exec('analyze');
  }
  return (performance.now() - t0) / 1000;
}

/** The inbox's views as the admin (sees everything) and as the agent (own + team), then the ticket list's. */
async function listBench(base: string, pid: number, admin: Record<string, string>, p: ServiceBenchPeople): Promise<void> {
  const A = { who: 'admin', auth: admin };
  const R = { who: 'agent, own+team', auth: p.agentAuth };
  const inbox = ['/api/v1/conversations?status=open', '/api/v1/conversations?status=any', '/api/v1/conversations?view=mine', '/api/v1/conversations?view=team', '/api/v1/conversations?view=unassigned&status=pending', '/api/v1/conversations?channel=email', '/api/v1/conversations/unread'];
  await timeLists(base, pid, 'inbox', [...inbox.map((path) => ({ path, ...A })), ...inbox.map((path) => ({ path, ...R }))]);
  if (!TICKETS) return;
  const active = 'status=new,open,pending,on_hold';
  const tickets = ['/api/v1/tickets', `/api/v1/tickets?${active}`, '/api/v1/tickets?status=open', `/api/v1/tickets?assigneeId=me&${active}`, '/api/v1/tickets?assigneeId=me', `/api/v1/tickets?teamId=mine&${active}`, `/api/v1/tickets?assigneeId=unassigned&${active}`, '/api/v1/tickets?priority=urgent&status=open'];
  await timeLists(base, pid, 'tickets', [...tickets.map((path) => ({ path, ...A })), ...tickets.map((path) => ({ path, ...R })), { path: `/api/v1/tickets?teamId=${p.teamIds[3]}&${active}`, ...A }]);
}

async function widgetBench(base: string, auth: Record<string, string>): Promise<void> {
  const channel = JSON.parse((await request('POST', base, '/api/v1/widget-channels', auth, { name: 'Bench', config: { botEnabled: false } })).body) as { id: string };
  const wsBase = base.replace('http', 'ws');
  const sent = new Map<string, number>();
  const toVisitor: number[] = [];
  const toAgent: number[] = [];
  const echo: number[] = [];
  const agentSent = new Map<string, number>();
  const agent = new WebSocket(`${wsBase}/api/v1/inbox/live`, { headers: auth });
  agent.on('message', (d) => {
    const f = JSON.parse(String(d));
    const key = f.message?.bodyText as string | undefined;
    if (key && sent.has(key) && f.message.direction === 'in') toAgent.push(performance.now() - sent.get(key)!);
  });
  await new Promise((r) => agent.on('open', r));
  const visitors: { ws: WebSocket; token: string; conversationId?: string }[] = [];
  for (let i = 0; i < VISITORS; i++) {
    const s = JSON.parse((await request('POST', base, '/widget/v1/session', {}, { channelId: channel.id, anonymousId: `bench-visitor-${i}-xxxxxxxxxx` })).body) as { token: string };
    const ws = new WebSocket(`${wsBase}/widget/v1/live?token=${encodeURIComponent(s.token)}`);
    const v = { ws, token: s.token } as (typeof visitors)[number];
    ws.on('message', (d) => {
      const f = JSON.parse(String(d));
      if (f.type === 'ack' && f.conversationId) v.conversationId = f.conversationId;
      const text = f.message?.bodyText as string | undefined;
      if (f.type !== 'message' || !text) return;
      if (sent.has(text) && f.message.direction === 'in') echo.push(performance.now() - sent.get(text)!);
      if (agentSent.has(text)) toVisitor.push(performance.now() - agentSent.get(text)!);
    });
    visitors.push(v);
  }
  await Promise.all(visitors.map((v) => (v.ws.readyState === WebSocket.OPEN ? null : new Promise((r) => v.ws.on('open', r)))));
  console.log(`widget: ${VISITORS} visitor sockets open; ${RATE} visitor messages/s and ${RATE / 4} agent replies/s for ${SECONDS} s`);
  // Each visitor's first message opens its conversation (not timed), so replies have somewhere to go.
  const convs = await Promise.all(visitors.map(async (v, i) => JSON.parse((await request('POST', base, '/widget/v1/messages', { authorization: `Bearer ${v.token}` }, { bodyText: `hello ${i}` })).body).conversationId as string));
  let n = 0;
  const until = performance.now() + SECONDS * 1000;
  const tick = 1000 / RATE;
  const pending: Promise<unknown>[] = [];
  while (performance.now() < until) {
    const i = n % VISITORS;
    const text = `bench message ${n}`;
    sent.set(text, performance.now());
    visitors[i]!.ws.send(JSON.stringify({ type: 'message', bodyText: text, clientId: `bench-${n}-xxxxxxx` }));
    if (n % 4 === 0) {
      const reply = `agent reply ${n}`;
      agentSent.set(reply, performance.now());
      pending.push(request('POST', base, `/api/v1/conversations/${convs[(n * 7) % VISITORS]}/messages`, auth, { bodyText: reply }));
    }
    n++;
    await new Promise((r) => setTimeout(r, tick));
  }
  await Promise.all(pending);
  await new Promise((r) => setTimeout(r, 2000));
  console.log(`widget visitor → own socket (stored, echoed)          ${fmt(latency(echo))}  of ${sent.size} sent`);
  console.log(`widget visitor → agent socket                          ${fmt(latency(toAgent))}`);
  console.log(`agent reply (HTTP) → visitor socket                    ${fmt(latency(toVisitor))}  of ${agentSent.size} sent`);
  for (const v of visitors) v.ws.close();
  agent.close();
}

export async function runInboxBench(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rapport-inbox-bench-'));
  const databaseUrl = env.BENCH_INBOX_DATABASE_URL ?? `sqlite:${path.join(dir, 'inbox.db')}`;
  console.log(`# Inbox and widget bench on ${databaseUrl.startsWith('sqlite') ? 'SQLite' : 'PostgreSQL'}: ${N.toLocaleString('en')} conversations, ${VISITORS} visitors`);
  const { base, child } = await startServer(databaseUrl, dir);
  const db = openDatabase(databaseUrl);
  try {
    const auth = { authorization: `Bearer ${(JSON.parse((await request('POST', base, '/api/v1/auth/login', {}, { email: 'bench@example.com', password: 'bench-password-1' })).body) as { token: string }).token}` };
    const me = JSON.parse((await get(base, '/api/v1/auth/me', auth)).body) as { id?: string; user?: { id: string } };
    const people = await createServicePeople(base, auth, me.id ?? me.user!.id);
    const seconds = await seedConversations(db, people);
    console.log(seconds ? `seeded ${N.toLocaleString('en')} conversations in ${seconds.toFixed(1)} s` : 'reusing the conversations');
    if (TICKETS) console.log(`seeded ${TICKETS.toLocaleString('en')} tickets in ${(await seedTickets(db, TICKETS, people)).toFixed(1)} s`);
    await listBench(base, child.pid!, auth, people);
    if (env.BENCH_WIDGET !== '0') await widgetBench(base, auth);
  } finally {
    await db.close();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    if (env.BENCH_KEEP_DIR) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
