// Triggers, goals and re-entry on a real database: a deal won (deal.stage_changed filtered on status and pipeline),
// order.created, segment.entered of a segment, a birthday N days ahead (the daily check, run twice: enrols once),
// manual enrolment of chosen contacts and of a segment; a goal met while waiting takes the contact out; re-entry
// never / after N days / always.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { evaluateSegment } from '../segments/segment-membership.js';
import { runDateTriggers } from './journey-triggers.js';
import { activeJourney, api, contact, emit, endWait, enrolmentsOf, settle } from './journey-test-helpers.js';

process.env.RAPPORT_OUTBOX_LAG_MS = '0';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 60_000);
afterAll(() => t.close());

const tagStep = (tag: string) => ({ kind: 'tag', action: 'add', tag });

describe('triggers', () => {
  it('a won deal enrols its contacts (filter on status and pipeline); an order enrols its buyer', async () => {
    const pipeline = (await api(t, 'GET', '/pipelines')).body.data[0];
    const won = await activeJourney(t, { trigger: { kind: 'event', eventType: 'deal.stage_changed', filter: { status: 'won', pipelineId: pipeline.id } }, steps: [tagStep('won-deal')] });
    const ordered = await activeJourney(t, { trigger: { kind: 'event', eventType: 'order.created' }, steps: [tagStep('ordered')] });
    const buyer = await contact(t, { displayName: 'Deal Buyer' });
    const deal = (await api(t, 'POST', '/deals', { name: 'Journey deal', contacts: [{ contactId: buyer }] })).body;
    const stage = (name: string) => pipeline.stages.find((s: { name: string }) => s.name === name).id;
    await api(t, 'PATCH', `/deals/${deal.id}/stage`, { stageId: stage('Proposal') });
    await settle(t);
    expect(await enrolmentsOf(t, won.id)).toHaveLength(0);
    await api(t, 'PATCH', `/deals/${deal.id}/stage`, { stageId: stage('Won'), reason: 'Price' });
    await settle(t);
    expect((await enrolmentsOf(t, won.id)).map((e) => [e.contactId, e.status])).toEqual([[buyer, 'completed']]);
    const order = await api(t, 'POST', '/orders', { contactId: buyer, currency: 'CNY', items: [{ name: 'Seat', quantity: 1, unitPrice: 100 }] });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    await settle(t);
    expect((await enrolmentsOf(t, ordered.id)).map((e) => e.contactId)).toEqual([buyer]);
    expect((await api(t, 'GET', `/contacts/${buyer}`)).body.tags).toEqual(expect.arrayContaining(['won-deal', 'ordered']));
  });

  it('segment.entered of its segment enrols the contacts that enter it', async () => {
    const seg = (await api(t, 'POST', '/segments', { name: 'Shanghai', rules: { combinator: 'and', children: [{ field: 'contact.city', operator: 'is', value: 'Shanghai' }] } })).body;
    await evaluateSegment(t.app.db, seg.id);
    const j = await activeJourney(t, { trigger: { kind: 'segment', segmentId: seg.id }, steps: [tagStep('shanghai')] });
    const id = await contact(t, { displayName: 'Mover' });
    await api(t, 'PATCH', `/contacts/${id}`, { address: { city: 'Shanghai', country: 'CN' } });
    await t.app.worker.drain();
    await settle(t);
    expect((await enrolmentsOf(t, j.id)).map((e) => [e.contactId, e.status])).toEqual([[id, 'completed']]);
  });

  it('a birthday 3 days ahead enrols once, however often the daily check runs', async () => {
    const j = await activeJourney(t, { trigger: { kind: 'date', field: 'birthday', offsetDays: -3, annual: true }, steps: [tagStep('birthday-soon')] });
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(5, 10);
    const other = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(5, 10);
    const id = await contact(t, { displayName: 'Birthday', birthday: `1990-${soon}` });
    await contact(t, { displayName: 'Not yet', birthday: `1990-${other}` });
    expect(await runDateTriggers(t.app.db)).toBe(1);
    expect(await runDateTriggers(t.app.db)).toBe(0);
    await settle(t);
    expect((await enrolmentsOf(t, j.id)).map((e) => e.contactId)).toEqual([id]);
  });

  it('enrols chosen contacts and a segment’s members by hand, only into an active journey', async () => {
    const draft = (await api(t, 'POST', '/journeys', { name: 'Draft', trigger: { kind: 'manual' }, steps: [tagStep('x')] })).body;
    const a = await contact(t, { displayName: 'Hand A', address: { city: 'Xi’an', country: 'CN' } });
    expect((await api(t, 'POST', `/journeys/${draft.id}/enrolments`, { contactIds: [a] })).status).toBe(409);
    const j = await activeJourney(t, { trigger: { kind: 'manual' }, steps: [{ kind: 'wait', amount: 1, unit: 'hours' }] });
    const seg = (await api(t, 'POST', '/segments', { name: 'Xi’an', rules: { combinator: 'and', children: [{ field: 'contact.city', operator: 'is', value: 'Xi’an' }] } })).body;
    expect((await api(t, 'POST', `/journeys/${j.id}/enrolments`, { contactIds: [a] })).body).toEqual({ enrolled: 1, skipped: 0 });
    expect((await api(t, 'POST', `/journeys/${j.id}/enrolments`, { segmentId: seg.id })).body).toEqual({ enrolled: 0, skipped: 1 });
    const list = (await api(t, 'GET', `/journeys/${j.id}/enrolments?status=active`)).body;
    expect(list.data.map((e: { contactName: string }) => e.contactName)).toEqual(['Hand A']);
  });
});

describe('goals and re-entry', () => {
  it('takes a waiting contact out when it meets the goal, and counts the conversion', async () => {
    const j = await activeJourney(t, {
      trigger: { kind: 'manual' },
      steps: [{ id: 'w', kind: 'wait', amount: 3, unit: 'days' }, { id: 'nudge', kind: 'tag', action: 'add', tag: 'nudged' }],
      goal: { combinator: 'and', children: [{ field: 'contact.lifecycleStage', operator: 'is', value: 'customer' }] },
    });
    const buyer = await contact(t, { displayName: 'Goal Buyer' });
    const other = await contact(t, { displayName: 'Goal Other' });
    await api(t, 'POST', `/journeys/${j.id}/enrolments`, { contactIds: [buyer, other] });
    await settle(t);
    await api(t, 'PATCH', `/contacts/${buyer}`, { lifecycleStage: 'customer' });
    await settle(t);
    const rows = await enrolmentsOf(t, j.id);
    expect(rows.find((e) => e.contactId === buyer)).toMatchObject({ status: 'goal', stepId: null });
    for (const e of rows) await endWait(t, e.id);
    await settle(t);
    expect((await api(t, 'GET', `/contacts/${buyer}`)).body.tags).toEqual([]);
    expect((await api(t, 'GET', `/contacts/${other}`)).body.tags).toEqual(['nudged']);
    expect((await api(t, 'GET', `/journeys/${j.id}/analytics`)).body).toMatchObject({ enrolled: 2, goal: 1, completed: 1, conversion: 0.5 });
  });

  it('re-enters never, after N days, or always (never twice at once)', async () => {
    const make = (reentry: string, reentryDays?: number) => activeJourney(t, { trigger: { kind: 'event', eventType: 'form.submitted' }, steps: [tagStep(`re-${reentry}`)], reentry, ...(reentryDays && { reentryDays }) });
    const [never, after, always] = [await make('never'), await make('after', 30), await make('always')];
    const id = await contact(t, { displayName: 'Returning' });
    for (let i = 0; i < 2; i++) {
      await emit(t, 'form.submitted', 'form', 'f1', { formId: 'f1', contactId: id });
      await settle(t);
    }
    expect((await enrolmentsOf(t, never.id)).length).toBe(1);
    expect((await enrolmentsOf(t, after.id)).length).toBe(1);
    expect((await enrolmentsOf(t, always.id)).length).toBe(2);
    // 31 days later the "after 30 days" journey takes the contact again.
    await t.app.db.kysely.updateTable('journeyEnrolments').set({ enteredAt: new Date(Date.now() - 31 * 86_400_000).toISOString() }).where('journeyId', '=', after.id).execute();
    await emit(t, 'form.submitted', 'form', 'f1', { formId: 'f1', contactId: id });
    await settle(t);
    expect((await enrolmentsOf(t, after.id)).length).toBe(2);
    expect((await enrolmentsOf(t, never.id)).length).toBe(1);
  });
});

describe('contact data', () => {
  it('a contact’s journeys are in its export, move to the survivor of a merge, and go with an erasure', async () => {
    const j = await activeJourney(t, { trigger: { kind: 'manual' }, steps: [{ id: 'w', kind: 'wait', amount: 1, unit: 'days' }] });
    const keep = await contact(t, { displayName: 'Keep Me', emails: ['keep@example.com'] });
    const dup = await contact(t, { displayName: 'Keep Me too', emails: ['keep2@example.com'] });
    await api(t, 'POST', `/journeys/${j.id}/enrolments`, { contactIds: [dup] });
    await settle(t);
    const exported = (await api(t, 'GET', `/contacts/${dup}/data-export`)).body;
    expect(JSON.stringify(exported)).toContain('"steps":[{');
    expect((await api(t, 'POST', '/contacts/merge', { survivorId: keep, mergedIds: [dup] })).status).toBe(201);
    expect((await enrolmentsOf(t, j.id)).map((e) => e.contactId)).toEqual([keep]);
    expect((await api(t, 'POST', `/contacts/${keep}/erase`, { confirm: 'ERASE' })).status).toBe(200);
    expect(await enrolmentsOf(t, j.id)).toEqual([]);
  });
});
