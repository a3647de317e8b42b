// A ticket's history and reach on both engines: its change history through the record history, its opening, status
// changes and messages among its requester's activities (only tickets the caller sees), the "conversation opened"
// line before the reply that opened it, the merged ticket naming its target's number, the related order's label,
// ticket hits in /search needing service:read on an API key and ticket visibility for people, and the count's
// estimate beyond the cap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { systemActor } from '../../../core/auth/actor.js';
import { countTickets } from './list-tickets.js';

let t: TestApp;
const api = '/api/v1';
const post = async (url: string, body: unknown, who = t.admin) => t.json('POST', `${api}${url}`, who, body);
const get = async (url: string, who = t.admin) => t.json('GET', `${api}${url}`, who);
const newTicket = async (body: Record<string, unknown>, who = t.admin) => {
  const res = await post('/tickets', body, who);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};
const teams: Record<string, string> = {};
const agents: Record<string, { id: string; headers: Record<string, string> }> = {};

beforeAll(async () => {
  t = await startTestApp();
  await t.json('PUT', `${api}/roles/support`, t.admin, { visibility: 'own_team' });
  for (const name of ['A', 'B']) teams[name] = (await post('/teams', { name: `Desk ${name}` })).body.id;
  for (const [name, team] of [['Chen Jie', 'A'], ['Ola', 'B']] as const) {
    const email = `${name.replace(' ', '.').toLowerCase()}@example.com`;
    const id = (await post('/users', { email, name, password: 'agent-password-1', role: 'support', teamId: teams[team] })).body.id;
    agents[name] = { id, headers: await t.login(email, 'agent-password-1') };
  }
});
afterAll(() => t.close());

describe('ticket history and activities', () => {
  it('serves a ticket\'s change history to whoever sees the ticket, and 404 to others', async () => {
    const tk = await newTicket({ subject: 'History of a ticket', teamId: teams.B });
    const patch = await t.json('PATCH', `${api}/tickets/${tk.id}`, t.admin, { tags: ['billing'], priority: 'high', category: 'Billing', customFields: { plan: 'gold' } });
    expect(patch.status, JSON.stringify(patch.body)).toBe(200);
    const history = await get(`/records/ticket/${tk.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.data.map((e: any) => e.action)).toEqual(['update', 'create']);
    const fields = history.body.data[0].changes.map((c: any) => c.field);
    expect(fields).toEqual(expect.arrayContaining(['tags', 'priority', 'category']));
    expect(history.body.data[0].changes.find((c: any) => c.field === 'tags')).toMatchObject({ before: [], after: ['billing'] });
    expect((await get(`/records/ticket/${tk.id}/history`, agents.Ola!.headers)).status).toBe(200);
    const hidden = await get(`/records/ticket/${tk.id}/history`, agents['Chen Jie']!.headers);
    expect(hidden.status).toBe(404);
    expect((await get('/records/ticket/missing/history')).status).toBe(404);
    expect((await get(`/records/tickets/${tk.id}/history`)).status).toBe(422);
  });

  it('puts the conversation-opened line before the first reply on the ticket\'s timeline', async () => {
    const tk = await newTicket({ subject: 'Ordering', channel: 'email' });
    await post(`/tickets/${tk.id}/replies`, { bodyText: 'First words' });
    await post(`/tickets/${tk.id}/replies`, { bodyText: 'Second words' });
    const tl = (await get(`/tickets/${tk.id}/timeline`)).body.data;
    expect(tl.map((i: any) => (i.type === 'message' ? `msg:${i.body}` : i.kind))).toEqual(['created', 'conversation', 'msg:First words', 'status', 'msg:Second words']);
  });

  it('tells a contact\'s tickets\' openings, status changes and messages as activities, only of tickets the caller sees', async () => {
    const agent = agents['Chen Jie']!;
    const contactId = (await post('/contacts', { displayName: '刘洋', ownerId: agent.id })).body.id;
    const seen = await newTicket({ subject: 'Seen by A', contactId, teamId: teams.A });
    await post(`/tickets/${seen.id}/notes`, { body: 'internal only' });
    await post(`/tickets/${seen.id}/replies`, { bodyText: 'We will refund you.' });
    await t.json('PATCH', `${api}/tickets/${seen.id}`, t.admin, { status: 'solved' });
    const other = await newTicket({ subject: 'Team B only', contactId, teamId: teams.B });
    await post(`/tickets/${other.id}/replies`, { bodyText: 'not for A' });

    const all = (await get(`/records/contact/${contactId}/activities`)).body.data;
    const ofSeen = all.filter((a: any) => a.entityId === seen.id);
    expect(ofSeen.map((a: any) => a.kind)).toEqual(['status', 'status', 'message', 'created']);
    expect(ofSeen[0]).toMatchObject({ data: { from: 'open', to: 'solved' }, record: { label: `#${seen.number} Seen by A`, path: `/tickets/${seen.id}` } });
    expect(ofSeen[2].data).toMatchObject({ direction: 'out', authorKind: 'agent', excerpt: 'We will refund you.' });
    expect(all.some((a: any) => a.data.excerpt === 'internal only')).toBe(false);
    expect(all.some((a: any) => a.entityId === other.id)).toBe(true);

    const asAgent = await get(`/records/contact/${contactId}/activities`, agent.headers);
    expect(asAgent.status).toBe(200);
    expect(asAgent.body.data.length).toBe(ofSeen.length);
    expect(asAgent.body.data.every((a: any) => a.entityId === seen.id)).toBe(true);

    // Pages by (at, id) without gaps or repeats.
    const pages: any[] = [];
    let cursor: string | null = null;
    do {
      const page: any = (await get(`/records/contact/${contactId}/activities?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).body;
      pages.push(...page.data);
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages.map((a) => a.id)).toEqual(all.map((a: any) => a.id));
    expect((await get(`/records/company/missing/activities`)).status).toBe(404);
  });

  it('names the ticket a merged ticket went into, and the related order', async () => {
    const contactId = (await post('/contacts', { displayName: 'Order Owner' })).body.id;
    const order = await post('/orders', { externalId: 'shop-7788', contactId, items: [{ name: 'Kettle', unitPrice: 19900, quantity: 1 }] });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    const a = await newTicket({ subject: 'Broken kettle', contactId, orderId: order.body.id });
    expect(a).toMatchObject({ orderId: order.body.id, orderLabel: 'shop-7788', mergedIntoNumber: null });
    const b = await newTicket({ subject: 'Kettle again', contactId });
    const merge = await post(`/tickets/${a.id}/merge`, { targetId: b.id });
    expect(merge.status).toBe(201);
    expect((await get(`/tickets/${a.id}`)).body).toMatchObject({ mergedIntoId: b.id, mergedIntoNumber: b.number });
    expect((await post(`/ticket-merges/${merge.body.id}/undo`, undefined)).status).toBe(200);
    expect((await get(`/tickets/${a.id}`)).body).toMatchObject({ mergedIntoId: null, mergedIntoNumber: null });
  });
});

describe('ticket reach', () => {
  it('gives ticket hits in /search only to API keys with service:read, and to people only the tickets they see', async () => {
    const word = `Zebracorn${Date.now()}`;
    const tk = await newTicket({ subject: `${word} complaint`, teamId: teams.B });
    const key = async (scopes: string[]) => ({ authorization: `Bearer ${(await post('/api-keys', { name: scopes.join('+'), scopes })).body.key}` });
    const tickets = (body: any) => body.more.find((s: any) => s.key === 'tickets')?.hits ?? [];
    const customersOnly = await get(`/search?q=${word}`, await key(['customers:read']));
    expect(customersOnly.status).toBe(200);
    expect(tickets(customersOnly.body)).toEqual([]);
    const withService = await get(`/search?q=${word}`, await key(['customers:read', 'service:read']));
    expect(tickets(withService.body).map((h: any) => h.id)).toEqual([tk.id]);
    expect((await get(`/search?q=${word}`, await key(['service:read']))).status).toBe(403);
    expect(tickets((await get(`/search?q=${word}`, agents.Ola!.headers)).body).map((h: any) => h.id)).toEqual([tk.id]);
    expect(tickets((await get(`/search?q=${word}`, agents['Chen Jie']!.headers)).body)).toEqual([]);
  });

  it('counts exactly up to the cap and estimates beyond it, never below what it counted', async () => {
    const tag = `est${Date.now()}`;
    for (let i = 0; i < 4; i++) await newTicket({ subject: `Estimate ${i}`, tags: [tag] });
    expect((await get(`/tickets/count?tag=${tag}`)).body).toEqual({ total: 4, estimated: false });
    const est = await countTickets(t.app.db, systemActor, { tag }, 2);
    expect(est.estimated).toBe(true);
    expect(est.total).toBeGreaterThanOrEqual(3);
    const all = await countTickets(t.app.db, systemActor, {}, 2);
    const exact = (await countTickets(t.app.db, systemActor, {})).total;
    expect(all.estimated).toBe(true);
    expect(all.total).toBeGreaterThanOrEqual(3);
    expect(all.total).toBeLessThanOrEqual(exact * 3);
  });
});
