// Alert rules end to end on both engines: each fires once for its record's owner (not again while open, not twice for
// one trigger), never shows to a rep who may not see the record; accept makes a task, dismiss and snooze are kept,
// a snoozed alert reopens, acceptance rates per rule, and the Today cards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitEvent } from '../../../core/events/outbox.js';
import { newId, nowIso } from '../../../core/ids.js';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { makeVisibilityFixture, text, type VisibilityFixture } from '../../../test/visibility-fixture.js';
import { churnJumpAlerts, negativeSentimentAlerts, reopenSnoozed, stalledDealAlerts, vipSlaAlerts } from './alert-rules.js';

process.env.RAPPORT_OUTBOX_LAG_MS = '0';

let t: TestApp;
let fx: VisibilityFixture;
const later = () => new Date(Date.now() + 10_000);
const alertsOf = async (headers: Record<string, string>, q = '') => (await t.json('GET', `/api/v1/alerts${q}`, headers)).body.data as any[];

beforeAll(async () => {
  t = await startTestApp();
  fx = await makeVisibilityFixture(t, 'alerts');
  for (const id of [fx.visible, fx.hidden]) expect((await t.json('PATCH', `/api/v1/contacts/${id}`, t.admin, { tags: ['VIP'] })).status).toBe(200);
});
afterAll(() => t.close());

describe('alert rules', () => {
  it('negative sentiment from a key account: once, for the owner, hidden from a rep who may not see the contact', async () => {
    for (const id of [fx.visible, fx.hidden]) {
      await t.json('POST', '/api/v1/interactions', t.admin, { type: 'note', contactId: id, body: 'This is terrible, very disappointed and angry with the awful service.' });
    }
    await t.app.worker.drain(); // sentiment analyses the notes
    const db = t.app.db.kysely;
    expect(await negativeSentimentAlerts(db, later())).toBe(2);
    // A second negative note while the alert is open raises nothing new.
    await t.json('POST', '/api/v1/interactions', t.admin, { type: 'note', contactId: fx.visible, body: 'Still terrible, I am angry.' });
    await t.app.worker.drain();
    expect(await negativeSentimentAlerts(db, later())).toBe(0);
    const mine = await alertsOf(fx.repA.headers, '?mine=true');
    expect(mine.map((a) => [a.rule, a.entityId, a.action])).toEqual([['negativeSentiment', fx.visible, 'call']]);
    expect(mine[0].facts).toMatchObject({ keyAccount: 'vip' });
    expect(text(await alertsOf(fx.repA.headers))).not.toContain(fx.hidden);
    expect((await alertsOf(t.admin)).filter((a) => a.rule === 'negativeSentiment')).toHaveLength(2);
    // The owner was notified.
    const notes = (await t.json('GET', '/api/v1/notifications', fx.repA.headers)).body.data;
    expect(notes.some((n: any) => n.kind === 'alert.new' && n.params.rule === 'negativeSentiment')).toBe(true);
  });

  it('a deal stalled past its stage’s median time: once per stage entry', async () => {
    const db = t.app.db.kysely;
    const pipeline = (await t.json('GET', '/api/v1/pipelines', t.admin)).body.data[0];
    const stage = pipeline.stages[0];
    const mk = async (name: string, ownerId: string) => (await t.json('POST', '/api/v1/deals', t.admin, { name, ownerId, contacts: [{ contactId: ownerId === fx.repA.id ? fx.visible : fx.hidden }] })).body.id as string;
    // Three earlier deals spent 4, 5 and 6 days in the stage: the usual time is 5 days.
    for (const days of [4, 5, 6]) {
      const earlier = (await t.json('POST', '/api/v1/deals', t.admin, { name: `Earlier ${days}` })).body.id;
      await db.insertInto('dealStageHistory').values({ id: newId(), dealId: earlier, stageId: stage.id, enteredAt: '2026-01-01T00:00:00.000Z', leftAt: new Date(Date.parse('2026-01-01T00:00:00.000Z') + days * 86_400_000).toISOString(), actorId: null }).execute();
    }
    const slow = await mk('Slow deal', fx.repA.id);
    const fresh = await mk('Fresh deal', fx.repA.id);
    const hidden = await mk('Hidden deal', fx.repB.id);
    const ago = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
    await db.updateTable('deals').set({ stageEnteredAt: ago(9) }).where('id', 'in', [slow, hidden]).execute();
    await db.updateTable('deals').set({ stageEnteredAt: ago(2) }).where('id', '=', fresh).execute();
    expect(await stalledDealAlerts(db, new Date())).toBe(2);
    expect(await stalledDealAlerts(db, new Date())).toBe(0);
    const mine = (await alertsOf(fx.repA.headers, '?mine=true')).filter((a) => a.rule === 'dealStalled');
    expect(mine.map((a) => [a.entityId, a.facts.daysInStage, a.facts.medianDays])).toEqual([[slow, 9, 5]]);
    expect(text(await alertsOf(fx.repA.headers))).not.toContain(hidden);
  });

  it('a VIP ticket near its SLA breach: escalate, for the assignee', async () => {
    const db = t.app.db.kysely;
    const ticket = (await t.json('POST', '/api/v1/tickets', t.admin, { subject: 'VIP outage', contactId: fx.visible, assigneeId: fx.repA.id })).body;
    const plain = await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Plain customer' });
    const other = (await t.json('POST', '/api/v1/tickets', t.admin, { subject: 'Ordinary', contactId: plain.body.id, assigneeId: fx.repA.id })).body;
    const soon = new Date(Date.now() + 30 * 60_000).toISOString();
    for (const id of [ticket.id, other.id]) {
      await db.deleteFrom('ticket_sla').where('ticketId', '=', id).execute();
      await db.insertInto('ticket_sla').values({ ticketId: id, policyId: 'p', policyName: 'Test', calendarId: null, firstResponseMinutes: null, firstResponseWarnAt: null, firstResponseDueAt: null, firstResponseWarnedAt: null, firstResponseBreachedAt: null, firstResponseMetAt: null, resolutionMinutes: 60, resolutionWarnAt: nowIso(), resolutionDueAt: soon, resolutionWarnedAt: null, resolutionBreachedAt: null, resolutionMetAt: null, pausedAt: null, firstResponseLeftMinutes: null, resolutionLeftMinutes: null, nextCheckAt: null, createdAt: nowIso(), updatedAt: nowIso() }).execute();
    }
    expect(await vipSlaAlerts(db, new Date())).toBe(1);
    expect(await vipSlaAlerts(db, new Date())).toBe(0);
    const a = (await alertsOf(fx.repA.headers, '?mine=true')).find((x) => x.rule === 'vipTicketSla');
    expect(a).toMatchObject({ entity: 'ticket', entityId: ticket.id, action: 'escalate' });
  });

  it('a key account’s churn score jumped (the models’ event): offer the recommended product', async () => {
    const db = t.app.db.kysely;
    await t.json('POST', '/api/v1/products', t.admin, { sku: 'ALR-1', nameEn: 'Loyalty bundle', price: 1000, currency: 'CNY' });
    const buyer = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Some buyer' })).body.id;
    await t.json('POST', '/api/v1/orders', t.admin, { contactId: buyer, items: [{ sku: 'ALR-1', quantity: 1 }] });
    const payload = (contactId: string, old: number, now: number) => ({ modelId: 'm', modelKind: 'churn', modelName: 'Churn', contactId, old, new: now, threshold: 0.5, reasons: [] });
    await db.transaction().execute(async (trx) => {
      await emitEvent(trx, 'model.score_changed', 'contact', fx.visible, payload(fx.visible, 0.2, 0.8));
      await emitEvent(trx, 'model.score_changed', 'contact', fx.visible, payload(fx.visible, 0.8, 0.3)); // falling: no alert
      await emitEvent(trx, 'model.score_changed', 'contact', buyer, payload(buyer, 0.1, 0.9)); // not a key account
    });
    expect(await churnJumpAlerts(t.app.db)).toBe(1);
    const a = (await alertsOf(fx.repA.headers, '?mine=true')).find((x) => x.rule === 'churnJump');
    expect(a).toMatchObject({ entityId: fx.visible, action: 'recommend', productName: 'Loyalty bundle' });
    expect(a.facts).toMatchObject({ old: 20, new: 80 });
  });
});

describe('deciding alerts', () => {
  it('accept makes a task; dismiss and snooze are recorded; snooze reopens; a decided alert cannot be decided again', async () => {
    const mine = await alertsOf(fx.repA.headers, '?mine=true');
    const byRule = (r: string) => mine.find((a) => a.rule === r)!;
    const accepted = await t.json('POST', `/api/v1/alerts/${byRule('negativeSentiment').id}/accept`, fx.repA.headers, {});
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted' });
    const tasks = (await t.json('GET', '/api/v1/tasks', fx.repA.headers)).body.data;
    const task = tasks.find((x: any) => x.id === accepted.body.taskId);
    expect(task).toMatchObject({ type: 'task', contactId: fx.visible, assigneeId: fx.repA.id });
    expect(task.subject).toMatch(/^Call — Negative sentiment/);
    expect((await t.json('POST', `/api/v1/alerts/${byRule('negativeSentiment').id}/dismiss`, fx.repA.headers)).status).toBe(409);
    expect((await t.json('POST', `/api/v1/alerts/${byRule('dealStalled').id}/dismiss`, fx.repA.headers)).body.status).toBe('dismissed');
    const until = new Date(Date.now() + 3_600_000).toISOString();
    expect((await t.json('POST', `/api/v1/alerts/${byRule('vipTicketSla').id}/snooze`, fx.repA.headers, { until })).body).toMatchObject({ status: 'snoozed' });
    // Snoozed keeps the subject's slot: no second alert for the same ticket meanwhile.
    expect(await vipSlaAlerts(t.app.db.kysely, new Date())).toBe(0);
    expect(await reopenSnoozed(t.app.db.kysely, new Date(Date.now() + 2 * 3_600_000))).toBe(1);
    expect((await alertsOf(fx.repA.headers, '?status=open')).map((a) => a.rule)).toContain('vipTicketSla');
    // A rep cannot decide an alert about a record they may not see.
    const hiddenAlert = (await alertsOf(t.admin)).find((a) => a.entityId === fx.hidden)!;
    expect((await t.json('POST', `/api/v1/alerts/${hiddenAlert.id}/dismiss`, fx.repA.headers)).status).toBe(404);
  });

  it('reports the acceptance rate per rule', async () => {
    const stats = (await t.json('GET', '/api/v1/alerts/stats', fx.repA.headers)).body.data;
    const of = (r: string) => stats.find((s: any) => s.rule === r);
    expect(of('negativeSentiment')).toMatchObject({ raised: 1, accepted: 1, acceptanceRate: 1 });
    expect(of('dealStalled')).toMatchObject({ raised: 1, dismissed: 1, acceptanceRate: 0 });
    expect(of('vipTicketSla')).toMatchObject({ raised: 1, open: 1, acceptanceRate: null });
  });

  it('shows my open alerts on Today', async () => {
    const cards = (await t.json('GET', '/api/v1/today', fx.repA.headers)).body.cards;
    const card = cards.find((c: any) => c.key === 'alerts');
    expect(card.items.map((i: any) => i.tags[0]).sort()).toEqual(['churnJump', 'vipTicketSla']);
    // My customer whose chance of buying again fell below half is at risk; the hidden one is not mine.
    for (const id of [fx.visible, fx.hidden]) {
      await t.app.db.kysely.insertInto('contact_values').values({ contactId: id, orders: 3, firstOrderAt: nowIso(), lastOrderAt: nowIso(), revenue: 9000, productCost: 0, tickets: 0, serviceCost: 0, margin: 9000, probabilityAlive: 0.2, expectedOrders: 0.3, expectedOrderValue: 3000, predictedValue: 900, computedAt: nowIso() }).execute();
    }
    const atRisk = (await t.json('GET', '/api/v1/today', fx.repA.headers)).body.cards.find((c: any) => c.key === 'atRiskCustomers');
    expect(atRisk.items.map((i: any) => [i.entityId, i.tags[0], i.amount])).toEqual([[fx.visible, 'alive:20', 9000]]);
  });
});

describe('the task an accepted alert becomes', () => {
  it('is worded in the accepting user’s language, from the alert’s facts', async () => {
    expect((await t.json('PATCH', '/api/v1/auth/me', fx.repA.headers, { locale: 'zh-CN' })).status).toBe(200);
    try {
      const churn = (await alertsOf(fx.repA.headers, '?mine=true')).find((a) => a.rule === 'churnJump')!;
      const accepted = await t.json('POST', `/api/v1/alerts/${churn.id}/accept`, fx.repA.headers, {});
      expect(accepted.status).toBe(200);
      const task = (await t.json('GET', '/api/v1/tasks', fx.repA.headers)).body.data.find((x: any) => x.id === accepted.body.taskId);
      expect(task.subject).toMatch(/^推荐：Loyalty bundle — .+ 的流失风险从 20 % 升至 80 %$/);
    } finally {
      await t.json('PATCH', '/api/v1/auth/me', fx.repA.headers, { locale: 'en' });
    }
  });
});
