// Sentiment over HTTP on both engines: an inbound message analysed on store, a note analysed from the outbox, badges,
// an agent's correction kept as training data, visibility (another team sees and corrects nothing), the routing
// signal (angry → senior and priority up; a VIP's negative words too), and the trend in the 360° view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { systemActor } from '../../../core/auth/actor.js';
import { appendMessage, createTicket } from '../../service/index.js';

process.env.RAPPORT_OUTBOX_LAG_MS = '0';

let t: TestApp;
const users: Record<string, { id: string; headers: Record<string, string> }> = {};
const teams: Record<string, string> = {};
let contactId = '';

async function addUser(key: string, role: string, teamId: string) {
  const res = await t.json('POST', '/api/v1/users', t.admin, { email: `${key}@example.com`, name: key, password: 'password-123', role, teamId });
  expect(res.status).toBe(201);
  users[key] = { id: res.body.id, headers: await t.login(`${key}@example.com`, 'password-123') };
}

async function inbound(text: string, teamId: string) {
  const r = await appendMessage(t.app.db, { channelKind: 'chat', contactId, teamId }, { direction: 'in', authorKind: 'contact', bodyText: text });
  return r.message.id;
}

beforeAll(async () => {
  t = await startTestApp();
  // Agents see their own and their team's conversations and tickets, not everyone's.
  expect((await t.json('PUT', '/api/v1/roles/support', t.admin, { visibility: 'own_team' })).status).toBe(200);
  for (const name of ['North', 'South']) teams[name] = (await t.json('POST', '/api/v1/teams', t.admin, { name })).body.id;
  await addUser('ann', 'support', teams.North!);
  await addUser('sam', 'support', teams.South!);
  const c = await t.json('POST', '/api/v1/contacts', t.admin, { displayName: '王伟' });
  expect(c.status).toBe(201);
  contactId = c.body.id;
});
afterAll(() => t?.close());

describe('analysis on store', () => {
  it('stores the sentiment of an inbound message when it is stored, and serves it as a badge', async () => {
    const id = await inbound('你们的服务太差了，等了三天没人理，我非常生气，要投诉！', teams.North!);
    const row = await t.app.db.kysely.selectFrom('sentiment_results').selectAll().where('itemId', '=', id).executeTakeFirst();
    expect(row).toMatchObject({ itemKind: 'message', sentiment: 'negative', emotion: 'anger', source: 'model', contactId });
    const res = await t.json('GET', `/api/v1/sentiment?kind=message&ids=${id}`, users.ann!.headers);
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0]).toMatchObject({ kind: 'message', itemId: id, sentiment: 'negative', emotion: 'anger', source: 'model' });
    expect(res.body.data[0].score).toBeLessThan(-0.5);
    expect(res.body.data[0].cues.length).toBeGreaterThan(0);
  });

  it('leaves agents’ outgoing messages alone', async () => {
    const r = await appendMessage(t.app.db, { channelKind: 'chat', contactId, teamId: teams.North! }, { direction: 'out', authorKind: 'agent', bodyText: 'Sorry, that is terrible, we will fix it' });
    expect(await t.app.db.kysely.selectFrom('sentiment_results').select('itemId').where('itemId', '=', r.message.id).executeTakeFirst()).toBeUndefined();
  });

  it('analyses a note logged on the timeline (from the outbox), and a ticket note on demand', async () => {
    const note = await t.json('POST', '/api/v1/interactions', t.admin, { type: 'note', contactId, body: 'Called back: the customer is very happy with the fix and thanked us.' });
    expect(note.status).toBe(201);
    await t.app.worker.drain();
    const row = await t.app.db.kysely.selectFrom('sentiment_results').selectAll().where('itemId', '=', note.body.id).executeTakeFirst();
    expect(row).toMatchObject({ itemKind: 'interaction', sentiment: 'positive' });
    // A ticket note has no event: the badge request analyses it the first time.
    const ticket = await createTicket(t.app.db, systemActor, { subject: 'Order', contactId, teamId: teams.North! });
    const n = await t.json('POST', `/api/v1/tickets/${ticket.id}/notes`, t.admin, { body: '客户说物流太慢，有点失望' });
    expect(n.status).toBe(201);
    const ev = await t.app.db.kysely.selectFrom('ticket_events').select('id').where('ticketId', '=', ticket.id).where('kind', '=', 'note').executeTakeFirstOrThrow();
    const res = await t.json('GET', `/api/v1/sentiment?kind=ticket_event&ids=${ev.id}`, t.admin);
    expect(res.body.data[0]).toMatchObject({ kind: 'ticket_event', sentiment: 'negative', emotion: 'disappointment' });
  });
});

describe('corrections and visibility', () => {
  it('hides another team’s items: no badge, no correction', async () => {
    const id = await inbound('I am really disappointed, the parcel arrived broken.', teams.North!);
    expect((await t.json('GET', `/api/v1/sentiment?kind=message&ids=${id}`, users.sam!.headers)).body.data).toEqual([]);
    const put = await t.json('PUT', `/api/v1/sentiment/message/${id}`, users.sam!.headers, { sentiment: 'positive', emotion: 'joy' });
    expect(put.status).toBe(404);
    expect(await t.app.db.kysely.selectFrom('sentiment_corrections').selectAll().where('itemId', '=', id).execute()).toEqual([]);
  });

  it('lets an agent who sees the item correct its label; the text is kept as training data and the model does not overwrite it', async () => {
    const id = await inbound('呵呵，真是太“快”了，一个星期才到', teams.North!);
    const put = await t.json('PUT', `/api/v1/sentiment/message/${id}`, users.ann!.headers, { sentiment: 'negative', emotion: 'disappointment' });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ sentiment: 'negative', emotion: 'disappointment', source: 'agent' });
    const kept = await t.app.db.kysely.selectFrom('sentiment_corrections').selectAll().where('itemId', '=', id).executeTakeFirstOrThrow();
    expect(kept).toMatchObject({ itemKind: 'message', text: '呵呵，真是太“快”了，一个星期才到', sentiment: 'negative', userId: users.ann!.id });
    const again = await t.json('GET', `/api/v1/sentiment?kind=message&ids=${id}`, users.ann!.headers);
    expect(again.body.data[0]).toMatchObject({ sentiment: 'negative', emotion: 'disappointment', source: 'agent' });
    const bad = await t.json('PUT', `/api/v1/sentiment/message/${id}`, users.ann!.headers, { sentiment: 'furious', emotion: 'joy' });
    expect(bad.status).toBe(422);
    expect((await t.json('GET', '/api/v1/sentiment?kind=letters&ids=x', users.ann!.headers)).status).toBe(422);
  });

  it('shows the trend in the contact’s 360° view', async () => {
    const res = await t.json('GET', `/api/v1/contacts/${contactId}/overview`, t.admin);
    expect(res.status).toBe(200);
    const section = res.body.sections.find((s: any) => s.key === 'sentimentTrend');
    expect(section.items.length).toBeGreaterThan(0);
    expect(section.items.at(-1)).toMatchObject({ label: new Date().toISOString().slice(0, 7) });
    expect(section.items.at(-1).negativeItems).toBeGreaterThan(0);
    expect(section.items.at(-1).angryItems).toBeGreaterThan(0);
    expect(section.items.at(-1).averageSentiment).toBeLessThan(0);
  });

  it('analyses a text on request without storing it', async () => {
    const res = await t.json('POST', '/api/v1/sentiment/analyse', users.ann!.headers, { text: 'Thanks a lot, 非常感谢!' });
    expect(res.body).toMatchObject({ sentiment: 'positive', emotion: 'gratitude' });
  });
});

describe('routing signal', () => {
  const open = async (subject: string, extra: object = {}) => {
    const tk = await createTicket(t.app.db, systemActor, { subject, ...extra });
    await t.app.worker.drain();
    const row = await t.app.db.kysely.selectFrom('tickets').select(['priority', 'routing']).where('id', '=', tk.id).executeTakeFirstOrThrow();
    return { priority: row.priority, steps: JSON.parse(row.routing ?? '[]') as { kind: string; params: any }[] };
  };

  it('sends an angry customer to a senior agent with priority up, and says why', async () => {
    const angry = await open('This is outrageous! Third time the order is wrong, I want a refund NOW!!');
    const step = angry.steps.find((s) => s.kind === 'signal' && s.params.name === 'sentiment');
    expect(step?.params).toMatchObject({ priorityUp: true, skill: 'senior' });
    expect(step?.params.reason).toMatch(/angry/);
    expect(angry.priority).toBe('high');
    const calm = await open('Could you send me the invoice for March?');
    expect(calm.steps.some((s) => s.kind === 'signal' && s.params.name === 'sentiment')).toBe(false);
    expect(calm.priority).toBe('normal');
  });

  it('does the same for a VIP who writes negatively, but not for others', async () => {
    const vip = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Vera Ip', tags: ['VIP'] })).body.id;
    const text = 'The replacement is disappointing, the same fault again.';
    const fromVip = await open(text, { contactId: vip });
    const step = fromVip.steps.find((s) => s.kind === 'signal' && s.params.name === 'sentiment');
    expect(step?.params).toMatchObject({ priorityUp: true, skill: 'senior' });
    expect(step?.params.reason).toMatch(/VIP/);
    const fromOther = await open(text, { contactId });
    expect(fromOther.steps.some((s) => s.kind === 'signal' && s.params.name === 'sentiment')).toBe(false);
  });
});
