// Predictive models over HTTP on both engines: a customer table with a planted signal (month-to-month contracts churn)
// trains a custom-label model that finds it (hold-out AUC > 0.8, reasons name the contract), scores every contact
// with reasons, sorts and filters them; a coin-flip label gives AUC ≈ 0.5 and the model says so and does not score;
// too few rows says so too; a person's correction is recorded and becomes a training label.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { contactDataParticipants } from '../../customers/index.js';

let t: TestApp;
const N = 800;
const ids: string[] = [];
const contractOf: string[] = [];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

beforeAll(async () => {
  t = await startTestApp();
  const field = (key: string, label: string, type: string, options?: string[]) => t.json('POST', '/api/v1/custom-fields', t.admin, { object: 'contact', key, label, type, ...(options && { options }) });
  await field('contract', 'Contract', 'select', ['month-to-month', 'one-year', 'two-year']);
  await field('monthly_charges', 'Monthly charges', 'number');
  await field('churned', 'Churned', 'boolean');
  await field('coin', 'Coin', 'boolean');
  const r = rng(42);
  const rows = Array.from({ length: N }, (_, i) => {
    const contract = ['month-to-month', 'one-year', 'two-year'][Math.floor(r() * 3)]!;
    // The best possible hold-out AUC is about 0.90 with these rates (0.84 with 0.7 / 0.08, which left the 0.8 check
    // below within sampling noise of a 200-row hold-out: it failed once in CI at 0.779).
    const churned = r() < (contract === 'month-to-month' ? 0.8 : 0.05);
    return { i, contract, custom: { contract, monthly_charges: Math.round(20 + r() * 80), churned, coin: r() < 0.5 } };
  });
  for (let i = 0; i < rows.length; i += 20) {
    const made = await Promise.all(rows.slice(i, i + 20).map((row) => t.json('POST', '/api/v1/contacts', t.admin, { displayName: `Customer ${row.i}`, lifecycleStage: 'customer', customFields: row.custom })));
    made.forEach((m, k) => {
      expect(m.status).toBe(201);
      ids.push(m.body.id);
      contractOf.push(rows[i + k]!.contract);
    });
  }
}, 240_000);
afterAll(() => t.close());

const create = (body: unknown) => t.json('POST', '/api/v1/intelligence/models', t.admin, body);

describe('predictive models', () => {
  let churnModel: string;

  it('finds the planted signal, scores every contact with reasons that name it', async () => {
    const m = await create({ name: 'Telecom churn', kind: 'custom', threshold: 0.5, config: { windowDays: 90, label: { type: 'customField', key: 'churned' } } });
    expect(m.status).toBe(201);
    churnModel = m.body.id;
    const { started, job } = await t.runJob(`/api/v1/intelligence/models/${churnModel}/train`);
    expect(started.status).toBe(202);
    expect(job).toMatchObject({ status: 'done', result: { status: 'ready', version: 1, scored: N } });
    const got = (await t.json('GET', `/api/v1/intelligence/models/${churnModel}`, t.admin)).body;
    expect(got).toMatchObject({ status: 'ready', activeVersion: 1, scoredContacts: N, statusMessage: null });
    const card = got.latestVersion.card;
    expect(card.auc).toBeGreaterThan(0.8);
    expect(card.rows).toBe(N);
    expect(card.testRows + card.trainRows).toBe(N);
    expect(card.calibration.length).toBeGreaterThan(1);
    expect(card.precision).toBeGreaterThan(0.5);
    // The strongest feature is the contract; the label itself is not a feature.
    expect(card.topFeatures[0].def.key).toMatch(/^cf:contract=/);
    expect(card.topFeatures.some((f: any) => f.def.key === 'cf:churned')).toBe(false);

    const top = await t.json('GET', `/api/v1/intelligence/models/${churnModel}/scores?limit=5`, t.admin);
    expect(top.status).toBe(200);
    const scores = top.body.data.map((d: any) => d.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const first = top.body.data[0];
    expect(contractOf[ids.indexOf(first.contactId)]).toBe('month-to-month');
    expect(first.reasons[0]).toMatchObject({ kind: 'customSelect', params: { field: 'Contract', value: 'month-to-month' } });
    // Keyset pages continue below the first page.
    const next = await t.json('GET', `/api/v1/intelligence/models/${churnModel}/scores?limit=5&cursor=${top.body.nextCursor}`, t.admin);
    expect(next.body.data[0].score).toBeLessThanOrEqual(scores[4]);

    const mine = await t.json('GET', `/api/v1/contacts/${first.contactId}/model-scores`, t.admin);
    expect(mine.body.data).toEqual([expect.objectContaining({ modelId: churnModel, kind: 'custom', high: true, correction: null })]);
    // The contacts list filters by score.
    const high = await t.json('GET', `/api/v1/contacts?modelScore=${churnModel}:0.5&limit=500`, t.admin);
    expect(high.status).toBe(200);
    expect(high.body.data.length).toBeGreaterThan(150);
    expect(high.body.data.every((c: any) => c.customFields.contract === 'month-to-month')).toBe(true);
  });

  it('pure noise: AUC about 0.5, says so in words and does not score', async () => {
    const m = await create({ name: 'Coin', kind: 'custom', config: { label: { type: 'customField', key: 'coin' } } });
    const { job } = await t.runJob(`/api/v1/intelligence/models/${m.body.id}/train`);
    expect(job.result).toMatchObject({ status: 'no_signal', scored: 0 });
    const got = (await t.json('GET', `/api/v1/intelligence/models/${m.body.id}`, t.admin)).body;
    expect(got).toMatchObject({ status: 'no_signal', activeVersion: null, scoredContacts: 0 });
    expect(Math.abs(got.latestVersion.card.auc - 0.5)).toBeLessThan(0.1);
    expect(got.statusMessage).toMatch(/^No signal: .* It does not score\.$/);
    expect(got.latestVersion.card.verdict.code).toBe('noSignal');
  });

  it('too little data: says how much there is and does not score', async () => {
    const m = await create({ name: 'Won leads', kind: 'lead_conversion', config: { windowDays: 30 } });
    const { job } = await t.runJob(`/api/v1/intelligence/models/${m.body.id}/train`);
    expect(job.result).toMatchObject({ status: 'insufficient', scored: 0 });
    const got = (await t.json('GET', `/api/v1/intelligence/models/${m.body.id}`, t.admin)).body;
    expect(got.statusMessage).toMatch(/^Too little data to learn from: 0 contacts/);
  });

  it('refuses a custom model without a yes/no label', async () => {
    expect((await create({ name: 'x', kind: 'custom', config: { label: { type: 'customField', key: 'contract' } } })).status).toBe(422);
    expect((await create({ name: 'x', kind: 'custom', config: {} })).status).toBe(422);
  });

  it("records a person's correction and learns from it at the next training", async () => {
    const low = (await t.json('GET', `/api/v1/intelligence/models/${churnModel}/scores?maxScore=0.2&limit=1`, t.admin)).body.data[0];
    const r = await t.json('POST', `/api/v1/intelligence/models/${churnModel}/corrections`, t.admin, { contactId: low.contactId, label: true, note: 'Told us they are leaving' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ label: true, scoreThen: low.score });
    const mine = (await t.json('GET', `/api/v1/contacts/${low.contactId}/model-scores`, t.admin)).body.data[0];
    expect(mine.correction).toMatchObject({ label: true, note: 'Told us they are leaving' });
    const before = (await t.json('GET', `/api/v1/intelligence/models/${churnModel}`, t.admin)).body.latestVersion.positives;
    const { job } = await t.runJob(`/api/v1/intelligence/models/${churnModel}/train`);
    expect(job.result).toMatchObject({ status: 'ready', version: 2 });
    const wasYes = (await t.json('GET', `/api/v1/contacts/${low.contactId}`, t.admin)).body.customFields.churned === true;
    const after = (await t.json('GET', `/api/v1/intelligence/models/${churnModel}`, t.admin)).body.latestVersion.positives;
    expect(after).toBe(before + (wasYes ? 0 : 1));
    const versions = (await t.json('GET', `/api/v1/intelligence/models/${churnModel}/versions`, t.admin)).body.data;
    expect(versions.map((v: any) => v.version)).toEqual([2, 1]);
  });

  it('keeps scores with the contact: export, erasure', async () => {
    const p = contactDataParticipants().find((x) => x.key === 'model-scores')!;
    const low = (await t.json('GET', `/api/v1/intelligence/models/${churnModel}/scores?limit=1`, t.admin)).body.data[0];
    await t.json('POST', `/api/v1/intelligence/models/${churnModel}/corrections`, t.admin, { contactId: low.contactId, label: false });
    expect(await p.exportFor(t.app.db.kysely, low.contactId)).toMatchObject({ scores: [expect.objectContaining({ modelId: churnModel })], corrections: [expect.objectContaining({ label: 0 })] });
    expect(await p.erase(t.app.db.kysely, low.contactId)).toBe(2);
    expect(await p.exportFor(t.app.db.kysely, low.contactId)).toBeNull();
    expect((await t.json('GET', '/api/v1/contacts/nope/model-scores', t.admin)).status).toBe(404);
  });
});
