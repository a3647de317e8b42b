// The ticket and inbox lists split "assigned to me OR my team's" and several statuses into one index range per
// alternative (core/db/keyset-union.ts). Against an oracle computed here on both engines: every page, followed by its
// cursor, gives exactly the rows the caller may see and the filters match, newest first, ties on the time broken by
// id, none twice (a row both assigned to me and in my team), for a rep and for an admin; unread counts likewise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let team: string;
let other: string;
const me = { id: '', headers: {} as Record<string, string> };
type Row = { id: string; status: string; assigneeId: string | null; teamId: string | null; at: string; unread: number };
const tickets: Row[] = [];
const conversations: Row[] = [];

function rand(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
const pick = <T,>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;

beforeAll(async () => {
  t = await startTestApp();
  team = (await t.json('POST', '/api/v1/teams', t.admin, { name: 'Branches A' })).body.id;
  other = (await t.json('POST', '/api/v1/teams', t.admin, { name: 'Branches B' })).body.id;
  expect((await t.json('PUT', '/api/v1/roles/support', t.admin, { visibility: 'own_team' })).status).toBe(200);
  me.id = (await t.json('POST', '/api/v1/users', t.admin, { email: 'branch-rep@example.com', name: 'Branch Rep', password: 'branch-rep-pass-1', role: 'support', teamId: team })).body.id;
  me.headers = await t.login('branch-rep@example.com', 'branch-rep-pass-1');
  const r = rand(7);
  // Few distinct times, so many rows tie on the sort key and the id decides.
  const times = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2026, 5, 1, 8, i)).toISOString());
  const k = t.app.db.kysely;
  for (let i = 0; i < 90; i++) {
    const row = { id: `tk-${String(i).padStart(3, '0')}-${Math.floor(r() * 1e6)}`, status: pick(r, ['new', 'open', 'pending', 'on_hold', 'solved'] as const), assigneeId: pick(r, [me.id, null, null, 'someone-else']), teamId: pick(r, [team, other, null]), at: pick(r, times), unread: 0 };
    tickets.push(row);
    await k.insertInto('tickets').values({ id: row.id, number: 5000 + i, subject: `Branch ${i}`, status: row.status, priority: 'normal', channel: 'web', assigneeId: row.assigneeId, teamId: row.teamId, tags: '[]', customFields: '{}', createdAt: row.at, updatedAt: row.at }).execute();
    const conv = { ...row, id: `cv-${row.id}`, status: pick(r, ['open', 'pending', 'resolved'] as const), unread: pick(r, [0, 2]) };
    conversations.push(conv);
    await k.insertInto('conversations').values({ id: conv.id, channelKind: 'chat', status: conv.status, assigneeId: conv.assigneeId, teamId: conv.teamId, lastMessageAt: conv.at, unreadCount: conv.unread, createdAt: conv.at, updatedAt: conv.at }).execute();
  }
});
afterAll(() => t.close());

const visibleToMe = (x: Row) => x.assigneeId === me.id || x.teamId === team;
const newestFirst = (a: Row, b: Row) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1);

async function allPages(url: string, headers: Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const res: { status: number; body: any } = await t.json('GET', `${url}&limit=4${cursor ? `&cursor=${cursor}` : ''}`, headers);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    ids.push(...res.body.data.map((x: { id: string }) => x.id));
    cursor = res.body.nextCursor;
  } while (cursor);
  return ids;
}

describe('lists read per alternative', () => {
  it('ticket pages match the oracle for a rep and an admin, across statuses, assignee and team filters', async () => {
    const cases: [string, (x: Row) => boolean][] = [
      ['', () => true],
      ['status=new,open,pending,on_hold', (x) => x.status !== 'solved'],
      ['status=open', (x) => x.status === 'open'],
      ['assigneeId=unassigned&status=new,open', (x) => x.assigneeId === null && ['new', 'open'].includes(x.status)],
      ['assigneeId=me&status=new,pending', (x) => x.assigneeId === me.id && ['new', 'pending'].includes(x.status)],
      [`teamId=${team}&status=open,on_hold`, (x) => x.teamId === team && ['open', 'on_hold'].includes(x.status)],
      [`teamId=${other}&status=new,open`, (x) => x.teamId === other && ['new', 'open'].includes(x.status)],
    ];
    for (const [q, match] of cases) {
      const rep = tickets.filter((x) => visibleToMe(x) && match(x)).sort(newestFirst).map((x) => x.id);
      expect(await allPages(`/api/v1/tickets?${q}`, me.headers), `rep: ${q}`).toEqual(rep);
      if (q.includes('assigneeId=me')) continue; // "me" is the admin there
      const admin = tickets.filter(match).sort(newestFirst).map((x) => x.id);
      expect(await allPages(`/api/v1/tickets?${q}`, t.admin), `admin: ${q}`).toEqual(admin);
    }
    expect(tickets.some((x) => x.assigneeId === me.id && x.teamId === team)).toBe(true); // found by both alternatives
  });

  it('inbox pages and unread counts match the oracle for a rep in every view', async () => {
    const views: [string, (x: Row) => boolean][] = [
      ['all', () => true],
      ['mine', (x) => x.assigneeId === me.id],
      ['team', (x) => x.teamId === team],
      ['unassigned', (x) => x.assigneeId === null],
    ];
    for (const [view, match] of views) {
      for (const status of ['open', 'any']) {
        const want = conversations.filter((x) => visibleToMe(x) && match(x) && (status === 'any' || x.status === status)).sort(newestFirst).map((x) => x.id);
        expect(await allPages(`/api/v1/conversations?view=${view}&status=${status}`, me.headers), `${view} ${status}`).toEqual(want);
      }
    }
    const unread = (await t.json('GET', '/api/v1/conversations/unread', me.headers)).body;
    for (const [view, match] of views) {
      const n = conversations.filter((x) => visibleToMe(x) && match(x) && ['open', 'pending'].includes(x.status) && x.unread > 0).length;
      expect(unread[view], view).toBe(n);
    }
  });
});
