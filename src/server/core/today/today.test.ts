// GET /today on both engines: each card's content and counts, the overdue/today boundary, another team's records never
// shown, and a card registered by another module appearing without touching the route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { makeVisibilityFixture, type VisibilityFixture } from '../../test/visibility-fixture.js';
import { dayWindow } from './day-window.js';
import { item, registerTodayCard } from './today-registry.js';

let t: TestApp;
let f: VisibilityFixture;
const day = dayWindow(new Date());
const at = (base: string, minutes: number) => new Date(Date.parse(base) + minutes * 60_000).toISOString();
const ids: Record<string, string> = {};

async function post(url: string, body: unknown, headers = t.admin) {
  const res = await t.json('POST', `/api/v1${url}`, headers, body);
  if (res.status >= 300) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

beforeAll(async () => {
  t = await startTestApp();
  f = await makeVisibilityFixture(t, 'today');
  const a = f.repA;
  const task = (subject: string, dueAt: string, contactId = f.visible, extra: object = {}) => post('/interactions', { type: 'task', contactId, subject, dueAt, assigneeId: a.id, ...extra });
  ids.overdue = (await task('Send the quote', at(day.dayStart, -90))).id;
  ids.dueToday = (await task('Call back about pricing', at(day.dayEnd, -1))).id;
  await task('Next week', at(day.dayEnd, 60 * 24 * 3));
  await task('Done already', at(day.dayStart, -60), f.visible, { done: true });
  await task('On a contact rep A cannot see', at(day.dayStart, -30), f.hidden);
  await post('/interactions', { type: 'meeting', contactId: f.visible, subject: 'Demo at their office', startsAt: at(day.dayEnd, -30) }, a.headers);
  await post('/interactions', { type: 'meeting', contactId: f.visible, subject: 'Tomorrow', startsAt: at(day.dayEnd, 60) }, a.headers);
  await post('/interactions', { type: 'note', contactId: f.visible, body: 'Asked for a discount' });
  await post('/interactions', { type: 'note', contactId: f.hidden, body: 'Secret of team B' });
  const deal = (name: string, expectedCloseDate: string, ownerId = a.id) => post('/deals', { name, amount: 500000, currency: 'CNY', ownerId, expectedCloseDate });
  ids.closing = (await deal('Closing this month', day.today)).id;
  await deal('Closing next month', day.nextMonthFirst);
  await deal('Rep B closes too', day.today, f.repB.id);
  ids.stalled = (await deal('Stuck in qualification', day.nextMonthFirst)).id;
  await t.app.db.kysely.updateTable('deals').set({ stageEnteredAt: at(day.now, -60 * 24 * 20) }).where('id', '=', ids.stalled).execute();
  const lead = (await post('/leads', { name: 'Wang Lead', email: 'wang.lead@example.com', source: 'web' })).lead;
  ids.lead = lead.contactId ?? lead.id;
  await t.json('PATCH', `/api/v1/contacts/${ids.lead}`, t.admin, { ownerId: a.id });
});
afterAll(() => t.close());

const card = (body: { cards: { key: string }[] }, key: string) => body.cards.find((c) => c.key === key) as any;

describe('GET /today', () => {
  it("gives a rep their overdue and today's tasks, meetings today, deals closing this month, stalled deals, new leads and activity on their records", async () => {
    const res = await t.json('GET', '/api/v1/today', f.repA.headers);
    expect(res.status).toBe(200);
    expect(res.body.today).toBe(day.today);
    const tasks = card(res.body, 'tasks');
    expect(tasks.count).toBe(2);
    expect(tasks.items.map((i: any) => [i.title, i.tags[0], i.entity, i.entityId])).toEqual([
      ['Send the quote', 'overdue', 'contact', f.visible],
      ['Call back about pricing', 'today', 'contact', f.visible],
    ]);
    expect(card(res.body, 'meetings').items.map((i: any) => i.title)).toEqual(['Demo at their office']);
    const closing = card(res.body, 'closingDeals');
    expect(closing).toMatchObject({ count: 1, total: 500000, currency: 'CNY' });
    expect(closing.items[0]).toMatchObject({ id: ids.closing, entity: 'deal', amount: 500000 });
    expect(card(res.body, 'stalledDeals').items.map((i: any) => i.id)).toEqual([ids.stalled]);
    expect(card(res.body, 'newLeads').items.map((i: any) => [i.title, i.entityId])).toEqual([['Wang Lead', ids.lead]]);
    const recent = card(res.body, 'recentActivity');
    expect(recent.items.map((i: any) => i.title)).toContain('Asked for a discount');
    expect(JSON.stringify(res.body)).not.toContain('Secret of team B');
    expect(JSON.stringify(res.body)).not.toContain('On a contact rep A cannot see');
    expect(JSON.stringify(res.body)).not.toContain('Rep B closes too');
  });

  it('counts by the user-local day when a time zone is given, and refuses an unknown zone', async () => {
    const res = await t.json('GET', '/api/v1/today?tz=Pacific/Kiritimati', f.repA.headers);
    expect(res.status).toBe(200);
    expect(res.body.timeZone).toBe('Pacific/Kiritimati');
    const kd = dayWindow(new Date(), 'Pacific/Kiritimati');
    expect(res.body.today).toBe(kd.today);
    // A task a minute from Kiritimati's midnight, on the side where the UTC day classifies it differently.
    const edge = kd.dayStart > day.dayStart ? at(kd.dayStart, -1) : at(kd.dayStart, 1);
    await post('/interactions', { type: 'task', contactId: f.visible, subject: 'At their midnight', dueAt: edge, assigneeId: f.repA.id });
    const tagIn = async (tz: string) => card((await t.json('GET', `/api/v1/today${tz}`, f.repA.headers)).body, 'tasks').items.find((i: any) => i.title === 'At their midnight')?.tags[0];
    expect(await tagIn('?tz=Pacific/Kiritimati')).toBe(edge < kd.dayStart ? 'overdue' : 'today');
    expect(await tagIn('')).toBe(edge < day.dayStart ? 'overdue' : 'today');
    expect(await tagIn('?tz=Pacific/Kiritimati')).not.toBe(await tagIn(''));
    // The same open tasks fall into overdue / today by the user's midnight (UTC+14), not the server's.
    const open: [string, string][] = [
      ['Send the quote', at(day.dayStart, -90)],
      ['Call back about pricing', at(day.dayEnd, -1)],
      ['Next week', at(day.dayEnd, 60 * 24 * 3)],
    ];
    const again = await t.json('GET', '/api/v1/today?tz=Pacific/Kiritimati', f.repA.headers);
    open.push(['At their midnight', edge]);
    open.sort((a, b) => a[1].localeCompare(b[1]));
    const expected = open.filter(([, due]) => due < kd.dayEnd).map(([title, due]) => [title, due < kd.dayStart ? 'overdue' : 'today']);
    expect(card(again.body, 'tasks').items.map((i: any) => [i.title, i.tags[0]])).toEqual(expected);
    expect(card(again.body, 'tasks').count).toBe(expected.length);
    const bad = await t.json('GET', '/api/v1/today?tz=Mars/Olympus', f.repA.headers);
    expect(bad.status).toBe(422);
  });

  it("names a deal's company only when the rep may see it", async () => {
    const secretCo = (await post('/companies', { name: 'Team B Secret Co', ownerId: f.repB.id })).id;
    const id = (await post('/deals', { name: 'Mine at their company', amount: 100, currency: 'CNY', ownerId: f.repA.id, companyId: secretCo, expectedCloseDate: day.today })).id;
    const res = await t.json('GET', '/api/v1/today?limit=50', f.repA.headers);
    const mine = card(res.body, 'closingDeals').items.find((i: any) => i.id === id);
    expect(mine).toMatchObject({ title: 'Mine at their company', subtitle: null });
    expect(JSON.stringify(res.body)).not.toContain('Team B Secret Co');
    const shared = card(res.body, 'closingDeals').items.find((i: any) => i.id === ids.closing);
    expect(shared.title).toBe('Closing this month');
  });

  it('shows a card another module registers, in its order, without changing the route', async () => {
    registerTodayCard({ key: 'alerts', order: 5, load: async ({ actor }) => ({ count: 1, total: null, currency: null, items: [item({ id: 'x', title: `for ${actor.id}`, entity: 'contact', entityId: 'c' })] }) });
    const res = await t.json('GET', '/api/v1/today', f.repB.headers);
    expect(res.body.cards[0]).toMatchObject({ key: 'alerts', count: 1, items: [{ title: `for ${f.repB.id}` }] });
    expect(card(res.body, 'tasks').count).toBe(0);
  });

  it('needs a login', async () => {
    expect((await t.json('GET', '/api/v1/today', {})).status).toBe(401);
  });
});
