// Working a ticket on both engines: support agents see only their team's tickets, macros render in English and
// Chinese with the ticket's values and apply their actions, merge + undo, and the "also viewing" heartbeat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
const api = '/api/v1';
const teams: Record<string, string> = {};
const agents: Record<string, { id: string; headers: Record<string, string> }> = {};
const post = async (url: string, body: unknown, who = t.admin) => t.json('POST', `${api}${url}`, who, body);

beforeAll(async () => {
  t = await startTestApp();
  await t.json('PUT', `${api}/roles/support`, t.admin, { visibility: 'own_team' });
  for (const name of ['A', 'B']) teams[name] = (await post('/teams', { name: `Support ${name}` })).body.id;
  for (const [name, team] of [['Zhang Wei', 'A'], ['Li Na', 'A'], ['Bob', 'B']] as const) {
    const email = `${name.replace(' ', '.').toLowerCase()}@example.com`;
    const id = (await post('/users', { email, name, password: 'agent-password-1', role: 'support', teamId: teams[team] })).body.id;
    agents[name] = { id, headers: await t.login(email, 'agent-password-1') };
  }
});
afterAll(() => t.close());

describe('visibility', () => {
  it('a support agent sees and changes only the tickets of their team', async () => {
    const mine = (await post('/tickets', { subject: 'Team A issue', teamId: teams.A })).body;
    const theirs = (await post('/tickets', { subject: 'Team B secret', assigneeId: agents.Bob!.id })).body;
    expect(theirs.teamId).toBe(teams.B);
    const zw = agents['Zhang Wei']!.headers;
    const list = (await t.json('GET', `${api}/tickets?limit=500`, zw)).body.data.map((x: any) => x.id);
    expect(list).toContain(mine.id);
    expect(list).not.toContain(theirs.id);
    expect((await t.json('GET', `${api}/tickets/${theirs.id}`, zw)).status).toBe(404);
    expect((await t.json('PATCH', `${api}/tickets/${theirs.id}`, zw, { priority: 'urgent' })).status).toBe(404);
    expect((await post(`/tickets/${theirs.id}/notes`, { body: 'x' }, zw)).status).toBe(404);
    expect((await t.json('GET', `${api}/tickets/${theirs.id}/timeline`, zw)).status).toBe(404);
    expect((await t.json('GET', `${api}/tickets/count?q=secret`, zw)).body.total).toBe(0);
    expect(JSON.stringify((await t.json('GET', `${api}/search?q=secret`, zw)).body)).not.toContain(theirs.id);
    // An agent's own new ticket lands in their team.
    const own = (await post('/tickets', { subject: 'Made by Zhang' }, zw)).body;
    expect(own.teamId).toBe(teams.A);
    expect((await t.json('GET', `${api}/tickets/${own.id}`, agents['Li Na']!.headers)).status).toBe(200);
    // Bulk over both teams changes only the visible one.
    const bulk = await post('/tickets/bulk', { selection: { ids: [mine.id, theirs.id] }, action: { type: 'setPriority', priority: 'high' } }, zw);
    expect(bulk.body).toEqual({ mode: 'inline', matched: 2, changed: 1, skipped: 1 });
    expect((await t.json('GET', `${api}/tickets/${theirs.id}`, t.admin)).body.priority).toBe('normal');
  });

  it('macros are written by managers only', async () => {
    expect((await post('/macros', { name: 'x', bodyEn: 'y' }, agents['Zhang Wei']!.headers)).status).toBe(403);
  });
});

describe('macros', () => {
  it('renders in Chinese for a Chinese ticket, fills variables, and a reply with it applies its actions', async () => {
    // The requester's name fills only for an agent who may see the contact: here it is Zhang Wei's own.
    const contact = (await post('/contacts', { displayName: '张伟', emails: ['zw@example.com'], ownerId: agents['Zhang Wei']!.id })).body.id;
    const hidden = (await post('/contacts', { displayName: '秘密客户', ownerId: agents.Bob!.id })).body.id;
    const macro = (await post('/macros', {
      name: 'Refund received',
      bodyEn: 'Hello {{contact.displayName}}, ticket {{ticket.number}} is being handled by {{agent.name}}. {{nope}}',
      bodyZh: '{{contact.displayName}}您好，工单 {{ticket.number}} 由 {{agent.name}} 处理，状态：{{ticket.status}}。',
      actions: { status: 'pending', priority: 'high', addTags: ['refund'] },
    })).body;
    expect(macro.actions).toEqual({ status: 'pending', priority: 'high', addTags: ['refund'] });
    const tk = (await post('/tickets', { subject: '退款', contactId: contact, language: 'zh-CN', teamId: teams.A })).body;
    const zh = await post(`/macros/${macro.id}/render?ticketId=${tk.id}`, undefined, agents['Zhang Wei']!.headers);
    expect(zh.status, JSON.stringify(zh.body)).toBe(200);
    expect(zh.body).toMatchObject({ language: 'zh-CN', text: `张伟您好，工单 #${tk.number} 由 Zhang Wei 处理，状态：新建。`, missing: [] });
    const en = (await post(`/macros/${macro.id}/render?ticketId=${tk.id}&lang=en`, undefined)).body;
    expect(en.text).toBe(`Hello 张伟, ticket #${tk.number} is being handled by Admin. `.replace('Admin', en.text.split(' by ')[1].split('.')[0]));
    expect(en.missing).toEqual(['nope']);
    const other = (await post('/tickets', { subject: 'x', contactId: hidden, teamId: teams.A, language: 'zh-CN' })).body;
    const blank = (await post(`/macros/${macro.id}/render?ticketId=${other.id}`, undefined, agents['Zhang Wei']!.headers)).body;
    expect(blank.text).not.toContain('秘密');
    expect(blank.missing).toEqual(['contact.displayName']);
    const reply = await post(`/tickets/${tk.id}/replies`, { bodyText: zh.body.text, macroId: macro.id }, agents['Zhang Wei']!.headers);
    expect(reply.status).toBe(201);
    const after = (await t.json('GET', `${api}/tickets/${tk.id}`, t.admin)).body;
    expect(after).toMatchObject({ status: 'pending', priority: 'high', tags: ['refund'] });
    // Macros CRUD.
    expect((await t.json('PATCH', `${api}/macros/${macro.id}`, t.admin, { name: 'Refund ok' })).body.name).toBe('Refund ok');
    expect((await t.json('GET', `${api}/macros?q=refund`, t.admin)).body.data).toHaveLength(1);
    expect((await t.json('DELETE', `${api}/macros/${macro.id}`, t.admin, undefined)).status).toBe(204);
    expect((await t.json('GET', `${api}/macros/${macro.id}`, t.admin)).status).toBe(404);
  });
});

describe('merge', () => {
  it('moves conversations and events to the target, closes the merged ticket, and undo brings it back', async () => {
    const a = (await post('/tickets', { subject: 'Duplicate question' })).body;
    const b = (await post('/tickets', { subject: 'Original question' })).body;
    await post(`/tickets/${a.id}/notes`, { body: 'note on A' });
    await post(`/tickets/${a.id}/replies`, { bodyText: 'reply on A' });
    const merge = await post(`/tickets/${a.id}/merge`, { targetId: b.id });
    expect(merge.status, JSON.stringify(merge.body)).toBe(201);
    const merged = (await t.json('GET', `${api}/tickets/${a.id}`, t.admin)).body;
    expect(merged).toMatchObject({ status: 'closed', mergedIntoId: b.id });
    const tlB = (await t.json('GET', `${api}/tickets/${b.id}/timeline`, t.admin)).body.data;
    expect(tlB.some((i: any) => i.body === 'note on A')).toBe(true);
    expect(tlB.some((i: any) => i.body === 'reply on A')).toBe(true);
    expect((await t.json('GET', `${api}/tickets?q=Duplicate`, t.admin)).body.data).toHaveLength(0);
    expect((await post(`/tickets/${a.id}/replies`, { bodyText: 'x' })).status).toBe(409);
    expect((await post(`/tickets/${b.id}/merge`, { targetId: b.id })).status).toBe(422);
    const undo = await post(`/ticket-merges/${merge.body.id}/undo`, undefined);
    expect(undo.status).toBe(200);
    expect(undo.body.undoneAt).not.toBeNull();
    expect((await t.json('GET', `${api}/tickets/${a.id}`, t.admin)).body).toMatchObject({ status: 'open', mergedIntoId: null });
    const tlA = (await t.json('GET', `${api}/tickets/${a.id}/timeline`, t.admin)).body.data;
    expect(tlA.some((i: any) => i.body === 'reply on A')).toBe(true);
    expect((await t.json('GET', `${api}/tickets/${b.id}/timeline`, t.admin)).body.data.some((i: any) => i.body === 'note on A')).toBe(false);
    expect((await post(`/ticket-merges/${merge.body.id}/undo`, undefined)).status).toBe(409);
  });

  it('refuses an undo after the window', async () => {
    const a = (await post('/tickets', { subject: 'Old A' })).body;
    const b = (await post('/tickets', { subject: 'Old B' })).body;
    const merge = (await post(`/tickets/${a.id}/merge`, { targetId: b.id })).body;
    process.env.RAPPORT_TICKET_MERGE_UNDO_HOURS = '0';
    try {
      expect((await post(`/ticket-merges/${merge.id}/undo`, undefined)).status).toBe(409);
    } finally {
      delete process.env.RAPPORT_TICKET_MERGE_UNDO_HOURS;
    }
  });
});

describe('viewers', () => {
  it('tells each agent who else has the ticket open, and forgets one who left', async () => {
    const tk = (await post('/tickets', { subject: 'Busy ticket', teamId: teams.A })).body;
    const zw = agents['Zhang Wei']!.headers;
    const ln = agents['Li Na']!.headers;
    expect((await post(`/tickets/${tk.id}/viewers`, undefined, zw)).body.data).toEqual([]);
    const seenByLi = (await post(`/tickets/${tk.id}/viewers`, undefined, ln)).body.data;
    expect(seenByLi.map((v: any) => v.name)).toEqual(['Zhang Wei']);
    expect((await post(`/tickets/${tk.id}/viewers`, undefined, zw)).body.data.map((v: any) => v.name)).toEqual(['Li Na']);
    expect((await t.json('DELETE', `${api}/tickets/${tk.id}/viewers`, ln, undefined)).status).toBe(204);
    expect((await post(`/tickets/${tk.id}/viewers`, undefined, zw)).body.data).toEqual([]);
    expect((await post(`/tickets/${tk.id}/viewers`, undefined, agents.Bob!.headers)).status).toBe(404);
  });
});
