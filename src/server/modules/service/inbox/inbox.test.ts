// The inbox API on a real database: who sees which conversation (assignee, team, everyone), the views and filters,
// keyset pages, unread counts, replies and notes, assignment, status, attaching to a ticket, and the agents' socket
// (which ends with the agent's session: logout, expiry, deactivation, a new role).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import type { Db } from '../../../core/db/database.js';
import { appendMessage } from '../conversations/append-message.js';

// The periodic session check runs often here, so a test of an expired session is quick.
process.env.RAPPORT_INBOX_SESSION_CHECK_SECONDS = '0.3';

let t: TestApp;
let db: Db;
const who: Record<string, { id: string; headers: Record<string, string> }> = {};
let teamA: string;
let teamB: string;

async function agent(name: string, teamId: string) {
  const email = `${name.replace(/\s+/g, "-").toLowerCase()}@inbox.example.com`;
  const res = await t.json('POST', '/api/v1/users', t.admin, { email, name, password: 'agent-password-1', role: 'support', teamId });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.id as string, headers: await t.login(email, 'agent-password-1') };
}

const chat = (text: string, team: string | null, visitor = `v-${Math.random()}`) =>
  appendMessage(db, { channelKind: 'chat', externalThreadId: `test:${visitor}`, visitorId: visitor, teamId: team }, { direction: 'in', authorKind: 'contact', bodyText: text });

beforeAll(async () => {
  t = await startTestApp();
  db = (t.app as unknown as { db: Db }).db;
  teamA = (await t.json('POST', '/api/v1/teams', t.admin, { name: 'Support A' })).body.id;
  teamB = (await t.json('POST', '/api/v1/teams', t.admin, { name: 'Support B' })).body.id;
  expect((await t.json('PUT', '/api/v1/roles/support', t.admin, { visibility: 'own_team' })).status).toBe(200);
  who.a1 = await agent('Agent A1', teamA);
  who.a2 = await agent('Agent A2', teamA);
  who.b1 = await agent('Agent B1', teamB);
});
afterAll(() => t.close());

describe('the inbox', () => {
  it('shows each agent only the conversations of their team or assigned to them, by view', async () => {
    const a = await chat('Team A question', teamA);
    const b = await chat('Team B secret question', teamB);
    const loose = await chat('Nobody owns this', null);
    const ids = async (h: Record<string, string>, q = '') => ((await t.json('GET', `/api/v1/conversations?limit=200${q}`, h)).body.data as { id: string }[]).map((c) => c.id);
    expect(await ids(who.a1!.headers)).toContain(a.conversation.id);
    expect(await ids(who.a1!.headers)).not.toContain(b.conversation.id);
    expect(await ids(who.a1!.headers)).not.toContain(loose.conversation.id);
    expect(await ids(t.admin)).toEqual(expect.arrayContaining([a.conversation.id, b.conversation.id, loose.conversation.id]));
    // Another team's conversation is not found, nor its messages, nor can it be answered.
    for (const [method, url, body] of [
      ['GET', `/api/v1/conversations/${b.conversation.id}`],
      ['GET', `/api/v1/conversations/${b.conversation.id}/messages`],
      ['POST', `/api/v1/conversations/${b.conversation.id}/messages`, { bodyText: 'probe' }],
      ['POST', `/api/v1/conversations/${b.conversation.id}/status`, { status: 'resolved' }],
      ['POST', `/api/v1/conversations/${b.conversation.id}/assign`, { assigneeId: who.a1!.id }],
    ] as const) {
      const res = await t.json(method, url, who.a1!.headers, body);
      expect(res.status, url).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('secret');
    }
    // Assigned to A1 across teams: A1 now sees it, A2 (A1's team) does not, B1 (its team) still does.
    expect((await t.json('POST', `/api/v1/conversations/${loose.conversation.id}/assign`, t.admin, { assigneeId: who.a1!.id, teamId: null })).status).toBe(200);
    expect(await ids(who.a1!.headers, '&view=mine')).toEqual([loose.conversation.id]);
    expect(await ids(who.a2!.headers)).not.toContain(loose.conversation.id);
    expect(await ids(who.a1!.headers, '&view=unassigned')).not.toContain(loose.conversation.id);
    expect(await ids(who.a2!.headers, '&view=team')).toContain(a.conversation.id);
    expect(await ids(who.b1!.headers, '&view=unassigned')).toContain(b.conversation.id);
    // Sales reps have no inbox at all.
    const rep = await t.json('POST', '/api/v1/users', t.admin, { email: 'rep@inbox.example.com', name: 'Rep', password: 'agent-password-1', role: 'sales', teamId: teamA });
    expect(rep.status).toBe(201);
    expect((await t.json('GET', '/api/v1/conversations', await t.login('rep@inbox.example.com', 'agent-password-1'))).status).toBe(403);
  });

  it('pages by last message with keyset cursors, filters by channel and status, and counts unread', async () => {
    for (let i = 0; i < 7; i++) await chat(`page ${i}`, teamB, `pager-${i}`);
    await appendMessage(db, { channelKind: 'email', externalThreadId: '<mail@x>', teamId: teamB }, { direction: 'in', authorKind: 'contact', bodyText: 'by mail' });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { data: { id: string; lastMessageAt: string }[]; nextCursor: string | null } } = await t.json('GET', `/api/v1/conversations?limit=3&channel=chat${cursor ? `&cursor=${cursor}` : ''}`, who.b1!.headers);
      seen.push(...res.body.data.map((c) => c.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(8);
    const email = await t.json('GET', '/api/v1/conversations?channel=email', who.b1!.headers);
    expect(email.body.data.map((c: { channelKind: string }) => c.channelKind)).toEqual(['email']);
    const unread = await t.json('GET', '/api/v1/conversations/unread', who.b1!.headers);
    expect(unread.body.team).toBeGreaterThanOrEqual(9);
    expect((await t.json('GET', '/api/v1/conversations?cursor=nonsense', who.b1!.headers)).status).toBe(422);
  });

  it('replies, keeps notes internal, marks read, assigns, resolves and attaches to a ticket', async () => {
    const c = (await chat('My order is late', teamA)).conversation.id;
    const reply = await t.json('POST', `/api/v1/conversations/${c}/messages`, who.a1!.headers, { bodyText: 'Sorry! Checking now.' });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ direction: 'out', authorKind: 'agent', authorName: 'Agent A1', status: 'sent', private: false });
    await t.json('POST', `/api/v1/conversations/${c}/messages`, who.a1!.headers, { bodyText: 'VIP customer', private: true });
    const msgs = await t.json('GET', `/api/v1/conversations/${c}/messages`, who.a2!.headers);
    expect(msgs.body.data.map((m: { bodyText: string }) => m.bodyText)).toEqual(['VIP customer', 'Sorry! Checking now.', 'My order is late']);
    const conv = await t.json('GET', `/api/v1/conversations/${c}`, who.a2!.headers);
    expect(conv.body).toMatchObject({ unreadCount: 0, lastMessagePreview: 'Sorry! Checking now.' });
    expect((await t.json('POST', `/api/v1/conversations/${c}/messages`, who.a1!.headers, { bodyText: '   ' })).status).toBe(422);

    const assigned = await t.json('POST', `/api/v1/conversations/${c}/assign`, who.a1!.headers, { assigneeId: who.a2!.id });
    expect(assigned.body).toMatchObject({ assigneeId: who.a2!.id, assigneeName: 'Agent A2', teamId: teamA });
    expect((await t.json('POST', `/api/v1/conversations/${c}/assign`, who.a1!.headers, { assigneeId: 'nobody' })).status).toBe(422);
    expect((await t.json('POST', `/api/v1/conversations/${c}/status`, who.a2!.headers, { status: 'resolved' })).body.status).toBe('resolved');
    const resolved = await t.json('GET', '/api/v1/conversations?status=resolved', who.a2!.headers);
    expect(resolved.body.data.map((x: { id: string }) => x.id)).toContain(c);

    const ticketId = '01900000-0000-7000-8000-00000000a001';
    const at = new Date().toISOString();
    await db.kysely
      .insertInto('tickets')
      .values({ id: ticketId, number: 990001, subject: 'Late order', description: null, status: 'open', priority: 'normal', category: null, channel: 'chat', language: null, contactId: null, companyId: null, assigneeId: null, teamId: teamA, tags: '[]', customFields: '{}', dealId: null, orderId: null, mergedIntoId: null, routing: null, firstRespondedAt: null, solvedAt: null, closedAt: null, createdBy: null, createdAt: at, updatedAt: at })
      .execute();
    const attached = await t.json('POST', `/api/v1/conversations/${c}/attach-ticket`, who.a2!.headers, { ticketId });
    expect(attached.body.ticketId).toBe(ticketId);
    const events = await db.kysely.selectFrom('ticket_events').selectAll().where('ticketId', '=', ticketId).execute();
    expect(events.map((e) => e.kind)).toEqual(['conversation']);
    expect((await t.json('POST', `/api/v1/conversations/${c}/attach-ticket`, who.b1!.headers, { ticketId })).status).toBe(404);
  });
});

describe('e-mail with HTML', () => {
  it('says which messages have an HTML part, in the inbox and on the ticket timeline', async () => {
    const mail = await appendMessage(db, { channelKind: 'email', externalThreadId: `<html-${Date.now()}@example.com>`, teamId: null }, { direction: 'in', authorKind: 'contact', bodyText: 'Plain part', bodyHtml: '<p>Rich <b>part</b></p>' });
    await appendMessage(db, { channelKind: 'email', conversationId: mail.conversation.id }, { direction: 'out', authorKind: 'agent', bodyText: 'Text only reply' });
    const messages = (await t.json('GET', `/api/v1/conversations/${mail.conversation.id}/messages`, t.admin)).body.data as { bodyText: string; hasHtml: boolean }[];
    expect(messages.map((m) => [m.bodyText, m.hasHtml])).toEqual([['Text only reply', false], ['Plain part', true]]);
    const ticket = await t.json('POST', '/api/v1/tickets', t.admin, { subject: 'From a rich mail', conversationId: mail.conversation.id });
    expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
    const timeline = (await t.json('GET', `/api/v1/tickets/${ticket.body.id}/timeline`, t.admin)).body.data as { type: string; body: string; hasHtml: boolean }[];
    expect(timeline.filter((i) => i.type === 'message').map((i) => [i.body, i.hasHtml])).toEqual([['Plain part', true], ['Text only reply', false]]);
    const html = await t.json('GET', `/api/v1/email/messages/${mail.message.id}/html`, t.admin);
    expect(html.body.html).toContain('<b>part</b>');
  });
});

describe("the agents' socket", () => {
  it('pushes new messages of visible conversations only, and refuses a socket without a login', async () => {
    const url = (await t.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
    const refused = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${url}/api/v1/inbox/live`);
      ws.on('unexpected-response', (req, res) => {
        req.destroy();
        resolve(res.statusCode ?? 0);
      });
      ws.on('open', () => resolve(101));
    });
    expect(refused).toBe(401);
    const ws = new WebSocket(`${url}/api/v1/inbox/live`, { headers: who.a1!.headers });
    const frames: any[] = [];
    ws.on('message', (d) => frames.push(JSON.parse(String(d))));
    await new Promise((r) => ws.on('open', r));
    await expect.poll(() => frames.some((f) => f.type === 'ready')).toBe(true);
    await chat('hidden from A', teamB);
    const mine = await chat('for team A, live', teamA);
    await expect.poll(() => frames.find((f) => f.message?.bodyText === 'for team A, live')).toBeTruthy();
    expect(frames.find((f) => f.message?.bodyText === 'for team A, live').conversation.id).toBe(mine.conversation.id);
    await new Promise((r) => setTimeout(r, 100));
    expect(frames.some((f) => f.message?.bodyText === 'hidden from A')).toBe(false);
    // A page of another site cannot open the socket with the agent's cookie.
    const cross = new WebSocket(`${url}/api/v1/inbox/live`, { headers: { cookie: `rapport_session=${who.a1!.headers.authorization!.slice(7)}`, origin: 'https://evil.example' } });
    const code = await new Promise<number>((resolve) => cross.on('close', (c) => resolve(c)));
    expect(code).toBe(4403);
    ws.close();
  });
});

describe("an agent's socket and their session", () => {
  let url = '';
  const open = async (headers: Record<string, string>) => {
    url ||= (t.app.server.listening ? `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}` : await t.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
    const ws = new WebSocket(`${url}/api/v1/inbox/live`, { headers });
    const frames: any[] = [];
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    ws.on('message', (d) => frames.push(JSON.parse(String(d))));
    await expect.poll(() => frames.some((f) => f.type === 'ready')).toBe(true);
    return { ws, frames, closed };
  };
  /** The HTTP status a new socket gets (101: it opened). */
  const upgrade = (headers: Record<string, string>) =>
    new Promise<number>((resolve) => {
      const ws = new WebSocket(`${url}/api/v1/inbox/live`, { headers });
      ws.on('unexpected-response', (req, res) => {
        req.destroy();
        resolve(res.statusCode ?? 0);
      });
      ws.on('open', () => {
        ws.close();
        resolve(101);
      });
    });

  it('closes when the agent logs out, and a new socket with that token is refused', async () => {
    const a = await agent('Agent Logout', teamA);
    const s = await open(a.headers);
    expect((await t.json('POST', '/api/v1/auth/logout', a.headers)).status).toBe(204);
    expect(await s.closed).toBe(4401);
    expect(await upgrade(a.headers)).toBe(401);
  });

  it('closes when the session expires (the periodic check, no event)', async () => {
    const a = await agent('Agent Expiry', teamA);
    const s = await open(a.headers);
    await db.kysely.updateTable('sessions').set({ expiresAt: '2000-01-01T00:00:00.000Z' }).where('userId', '=', a.id).execute();
    expect(await s.closed).toBe(4401);
  });

  it('closes when an admin deactivates the agent or changes their role', async () => {
    const gone = await agent('Agent Deactivated', teamA);
    const s1 = await open(gone.headers);
    expect((await t.json('PATCH', `/api/v1/users/${gone.id}`, t.admin, { active: false })).status).toBe(200);
    expect(await s1.closed).toBe(4401);

    const moved = await agent('Agent Sales Now', teamA);
    const s2 = await open(moved.headers);
    expect((await t.json('PATCH', `/api/v1/users/${moved.id}`, t.admin, { role: 'sales' })).status).toBe(200);
    expect(await s2.closed).toBe(4403);
    // As a salesperson the inbox's socket is not theirs any more.
    expect(await upgrade(moved.headers)).toBe(403);
  });

  it('follows a move to another team: the next events are those of the new team', async () => {
    const a = await agent('Agent Mover', teamA);
    const s = await open(a.headers);
    await chat('team A before the move', teamA);
    await expect.poll(() => s.frames.some((f) => f.message?.bodyText === 'team A before the move')).toBe(true);
    expect((await t.json('PATCH', `/api/v1/users/${a.id}`, t.admin, { teamId: teamB })).status).toBe(200);
    // The session check after the change has run once the next periodic round is over.
    await new Promise((r) => setTimeout(r, 700));
    await chat('team A after the move', teamA);
    await chat('team B after the move', teamB);
    await expect.poll(() => s.frames.some((f) => f.message?.bodyText === 'team B after the move')).toBe(true);
    expect(s.frames.some((f) => f.message?.bodyText === 'team A after the move')).toBe(false);
    s.ws.close();
  });
});
