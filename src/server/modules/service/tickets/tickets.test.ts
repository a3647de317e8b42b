// Tickets over HTTP on both engines: create/read/change with the lifecycle's transitions, list filters and
// cursors, numbers under parallel creates, support agents seeing only their team's tickets, notes and replies on
// the timeline, search, bulk actions, and a contact merge moving tickets to the survivor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
const api = '/api/v1';
let contactId: string;

const post = async (url: string, body: unknown, who = t.admin) => t.json('POST', `${api}${url}`, who, body);
const newTicket = async (body: Record<string, unknown>, who = t.admin) => {
  const res = await post('/tickets', body, who);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};

beforeAll(async () => {
  t = await startTestApp();
  contactId = (await post('/contacts', { displayName: '王芳', emails: ['wang.fang@example.com'] })).body.id;
});
afterAll(() => t.close());

describe('tickets', () => {
  it('creates a ticket with the next number and the requester\'s name, and reads it back', async () => {
    const a = await newTicket({ subject: 'Refund for order 77', contactId, priority: 'high', tags: ['refund', 'refund'] });
    expect(a).toMatchObject({ status: 'new', priority: 'high', channel: 'web', contactName: '王芳', tags: ['refund'] });
    expect(a.number).toBeGreaterThanOrEqual(1001);
    const b = await newTicket({ subject: 'Second' });
    expect(b.number).toBe(a.number + 1);
    const got = await t.json('GET', `${api}/tickets/${a.id}`, t.admin);
    expect(got.body).toMatchObject({ id: a.id, subject: 'Refund for order 77' });
    const bad = await post('/tickets', { subject: '', contactId: 'nope' });
    expect(bad.status).toBe(422);
    expect(String(bad.headers['content-type'])).toContain('problem+json');
  });

  it('follows the lifecycle and refuses jumps it does not allow', async () => {
    const tk = await newTicket({ subject: 'Printer on fire' });
    const patch = (body: unknown) => t.json('PATCH', `${api}/tickets/${tk.id}`, t.admin, body);
    expect((await patch({ status: 'closed' })).status).toBe(422);
    expect((await patch({ status: 'open' })).body.status).toBe('open');
    expect((await patch({ status: 'pending', priority: 'urgent' })).body).toMatchObject({ status: 'pending', priority: 'urgent' });
    const solved = (await patch({ status: 'solved' })).body;
    expect(solved.solvedAt).not.toBeNull();
    expect((await patch({ status: 'new' })).status).toBe(422);
    const closed = (await patch({ status: 'closed' })).body;
    expect(closed).toMatchObject({ status: 'closed' });
    expect(closed.closedAt).not.toBeNull();
    const again = await patch({ status: 'open' });
    expect(again.status).toBe(422);
    expect(again.body.detail).toContain('closed ticket');
    const tl = (await t.json('GET', `${api}/tickets/${tk.id}/timeline`, t.admin)).body.data;
    expect(tl.filter((i: any) => i.kind === 'status').map((i: any) => i.data.to)).toEqual(['open', 'pending', 'solved', 'closed']);
    expect(tl.some((i: any) => i.kind === 'priority' && i.data.to === 'urgent')).toBe(true);
    const events = await t.json('GET', `${api}/audit?entity=ticket&entityId=${tk.id}`, t.admin);
    expect(events.body.data.length).toBeGreaterThanOrEqual(5);
  });

  it('gives every one of many parallel creates its own number', async () => {
    const all = await Promise.all(Array.from({ length: 12 }, (_, i) => post('/tickets', { subject: `Parallel ${i}` })));
    expect(all.every((r) => r.status === 201)).toBe(true);
    const numbers = all.map((r) => r.body.number as number);
    expect(new Set(numbers).size).toBe(12);
  });

  it('lists with filters, q on number and subject, sort and cursors, and counts', async () => {
    const tag = `t${Date.now()}`;
    for (let i = 0; i < 5; i++) await newTicket({ subject: `物流延误 ${i}`, tags: [tag], priority: i % 2 ? 'low' : 'urgent', channel: 'email' });
    const first = await t.json('GET', `${api}/tickets?tag=${tag}&limit=2&sort=-priority`, t.admin);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.data.every((x: any) => x.priority === 'urgent')).toBe(true);
    const seen = [...first.body.data];
    let cursor = first.body.nextCursor;
    while (cursor) {
      const page = await t.json('GET', `${api}/tickets?tag=${tag}&limit=2&sort=-priority&cursor=${cursor}`, t.admin);
      seen.push(...page.body.data);
      cursor = page.body.nextCursor;
    }
    expect(new Set(seen.map((x) => x.id)).size).toBe(5);
    expect((await t.json('GET', `${api}/tickets/count?tag=${tag}&priority=low`, t.admin)).body).toEqual({ total: 2, estimated: false });
    expect((await t.json('GET', `${api}/tickets?q=${encodeURIComponent('物流')}&tag=${tag}`, t.admin)).body.data).toHaveLength(5);
    const one = seen[0];
    expect((await t.json('GET', `${api}/tickets?q=%23${one.number}`, t.admin)).body.data.map((x: any) => x.id)).toEqual([one.id]);
    expect((await t.json('GET', `${api}/tickets?status=new,open&assigneeId=unassigned&channel=email&tag=${tag}`, t.admin)).body.data).toHaveLength(5);
    expect((await t.json('GET', `${api}/tickets?status=bogus`, t.admin)).status).toBe(422);
    const search = await t.json('GET', `${api}/search?q=${encodeURIComponent('物流延误')}`, t.admin);
    expect(search.body.more.find((s: any) => s.key === 'tickets').hits.length).toBeGreaterThan(0);
  });

  it('notes and replies: a reply opens a conversation in the ticket\'s channel, sets the first response and opens the ticket', async () => {
    const tk = await newTicket({ subject: 'Where is my parcel', contactId, channel: 'email' });
    expect((await post(`/tickets/${tk.id}/notes`, { body: 'VIP, be quick' })).status).toBe(201);
    const r = await post(`/tickets/${tk.id}/replies`, { bodyText: 'We are on it.' });
    expect(r.status).toBe(201);
    const after = (await t.json('GET', `${api}/tickets/${tk.id}`, t.admin)).body;
    expect(after.status).toBe('open');
    expect(after.firstRespondedAt).toBe(r.body.at);
    const r2 = await post(`/tickets/${tk.id}/replies`, { bodyText: 'Shipped today.' });
    expect(r2.body.conversationId).toBe(r.body.conversationId);
    const tl = (await t.json('GET', `${api}/tickets/${tk.id}/timeline`, t.admin)).body.data;
    expect(tl.map((i: any) => i.type === 'message' ? `msg:${i.body}` : i.kind)).toEqual(['created', 'note', 'conversation', 'msg:We are on it.', 'status', 'msg:Shipped today.']);
    expect(tl.find((i: any) => i.kind === 'note')).toMatchObject({ body: 'VIP, be quick', private: true });
    const conv = tl.find((i: any) => i.type === 'message');
    expect(conv).toMatchObject({ channelKind: 'email', direction: 'out', authorKind: 'agent' });
    const sent = await t.json('GET', `${api}/audit?entity=ticket&entityId=${tk.id}`, t.admin);
    expect(sent.status).toBe(200);
    // On the contact: the Service section of the 360° view and the ticket's changes on its timeline.
    const overview = (await t.json('GET', `${api}/contacts/${contactId}/overview`, t.admin)).body;
    const service = overview.sections.find((s: any) => s.key === 'service');
    expect(service.items.some((i: any) => i.ticketId === tk.id && i.path === `/tickets/${tk.id}`)).toBe(true);
    expect(overview.sections.find((s: any) => s.key === 'ticketsPerMonth').items[0].tickets).toBeGreaterThan(0);
    const history = (await t.json('GET', `${api}/records/contact/${contactId}/history?limit=100`, t.admin)).body.data;
    const ticketEntries = history.filter((e: any) => e.entity === 'ticket' && e.entityId === tk.id);
    expect(ticketEntries.map((e: any) => e.action)).toContain('create');
    expect(ticketEntries[0].record).toEqual({ label: `#${tk.number} Where is my parcel`, path: `/tickets/${tk.id}` });
    expect(ticketEntries.some((e: any) => e.changes.some((c: any) => c.field === 'status' && c.after === 'open'))).toBe(true);
  });

  it('bulk: assigns, tags and closes by ids, skipping what cannot change', async () => {
    const me = (await t.json('GET', `${api}/auth/me`, t.admin)).body;
    const meId = me.id ?? me.user.id;
    const a = await newTicket({ subject: 'Bulk A' });
    const b = await newTicket({ subject: 'Bulk B' });
    const assign = await post('/tickets/bulk', { selection: { ids: [a.id, b.id] }, action: { type: 'assign', assigneeId: meId } });
    expect(assign.body).toEqual({ mode: 'inline', matched: 2, changed: 2, skipped: 0 });
    expect((await t.json('GET', `${api}/tickets?assigneeId=me&q=Bulk`, t.admin)).body.data.length).toBe(2);
    const tag = await post('/tickets/bulk', { selection: { filter: { q: 'Bulk', assigneeId: 'me' } }, action: { type: 'addTag', tag: 'vip' } });
    expect(tag.body).toMatchObject({ mode: 'inline', changed: 2 });
    const close = await post('/tickets/bulk', { selection: { ids: [a.id, b.id, 'missing'] }, action: { type: 'close' } });
    expect(close.body).toEqual({ mode: 'inline', matched: 3, changed: 2, skipped: 1 });
    const closed = (await t.json('GET', `${api}/tickets/${a.id}`, t.admin)).body;
    expect(closed).toMatchObject({ status: 'closed', tags: ['vip'] });
    expect(closed.solvedAt).not.toBeNull();
    const badUser = await post('/tickets/bulk', { selection: { ids: [a.id] }, action: { type: 'assign', assigneeId: 'nobody' } });
    expect(badUser.status).toBe(422);
  });

  it('saved views keep ticket list filters', async () => {
    const v = await post('/saved-views', { object: 'ticket', name: 'Urgent', shared: false, state: { filters: { priority: 'urgent', status: 'new,open' }, sort: '-createdAt', columns: null } });
    expect(v.status).toBe(201);
    const views = await t.json('GET', `${api}/saved-views?object=ticket`, t.admin);
    expect(views.body.data.map((x: any) => x.name)).toContain('Urgent');
    expect((await t.json('GET', `${api}/saved-views?object=nothing`, t.admin)).status).toBe(422);
  });

  it('moves tickets and conversations to the survivor when contacts merge, and back on undo', async () => {
    const dupe = (await post('/contacts', { displayName: '王芳 (2)', emails: ['wf2@example.com'] })).body.id;
    const tk = await newTicket({ subject: 'Merged requester', contactId: dupe });
    await post(`/tickets/${tk.id}/replies`, { bodyText: 'hello' });
    const merge = await post('/contacts/merge', { survivorId: contactId, mergedIds: [dupe] });
    expect(merge.status, JSON.stringify(merge.body)).toBe(201);
    expect((await t.json('GET', `${api}/tickets/${tk.id}`, t.admin)).body.contactId).toBe(contactId);
    expect((await t.json('GET', `${api}/tickets?contactId=${contactId}&q=Merged`, t.admin)).body.data).toHaveLength(1);
    const undo = await post(`/merges/${merge.body.id}/undo`, undefined);
    expect(undo.status).toBe(200);
    expect((await t.json('GET', `${api}/tickets/${tk.id}`, t.admin)).body.contactId).toBe(dupe);
  });
});
