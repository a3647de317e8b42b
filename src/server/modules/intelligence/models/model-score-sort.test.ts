// The contacts list sorted by a model's score on both engines: every page in order (ties broken by id, contacts
// without a score after the scored ones highest-first and before them lowest-first), with search and filters, a rep
// sees only their records, an unknown model is a 422; the scores of a page of contacts for the score column.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { makeVisibilityFixture, type VisibilityFixture } from '../../../test/visibility-fixture.js';

let t: TestApp;
let modelId: string;
let vis: VisibilityFixture;
const contacts: { id: string; name: string; score: number | null }[] = [];
const TAG = 'score-sort';

beforeAll(async () => {
  t = await startTestApp();
  const m = await t.json('POST', '/api/v1/intelligence/models', t.admin, { name: 'Sort churn', kind: 'churn', config: { churnBy: 'lifecycle', windowDays: 90 } });
  expect(m.status).toBe(201);
  modelId = m.body.id;
  // 23 contacts: scores with ties (0.5 three times), a zero, and five without a score.
  const scores = [0.91, 0.5, 0.12, 0.5, null, 0.77, 0, 0.5, null, 0.33, 0.99, null, 0.64, 0.08, 0.45, null, 0.21, 0.86, 0.57, null, 0.4, 0.05, 0.7];
  for (const [i, score] of scores.entries()) {
    const name = `${i % 2 ? 'Lin' : 'Wu'} Sorted ${i}`;
    const r = await t.json('POST', '/api/v1/contacts', t.admin, { displayName: name, tags: [TAG] });
    expect(r.status).toBe(201);
    contacts.push({ id: r.body.id, name, score });
  }
  const at = new Date().toISOString();
  const rows = contacts.filter((c) => c.score !== null).map((c) => ({ modelId, contactId: c.id, version: 1, score: c.score!, reasons: '[]', scoredAt: at }));
  vis = await makeVisibilityFixture(t, 'score-sort');
  rows.push({ modelId, contactId: vis.visible, version: 1, score: 0.3, reasons: '[]', scoredAt: at }, { modelId, contactId: vis.hidden, version: 1, score: 0.9, reasons: '[]', scoredAt: at });
  await t.app.db.kysely.insertInto('contact_model_scores').values(rows).execute();
}, 120_000);
afterAll(() => t.close());

async function walk(query: string, headers = t.admin, limit = 4): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const r: { status: number; body: any } = await t.json('GET', `/api/v1/contacts?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, headers);
    expect(r.status).toBe(200);
    expect(r.body.data.length).toBeLessThanOrEqual(limit);
    seen.push(...r.body.data.map((c: { id: string }) => c.id));
    cursor = r.body.nextCursor;
  } while (cursor);
  return seen;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
function expected(list: typeof contacts, desc: boolean): string[] {
  const scored = list.filter((c) => c.score !== null).sort((a, b) => a.score! - b.score! || byId(a.id, b.id)).map((c) => c.id);
  const missing = list.filter((c) => c.score === null).map((c) => c.id).sort(byId);
  return desc ? [...scored.reverse(), ...missing.reverse()] : [...missing, ...scored];
}

describe('contacts sorted by a model score', () => {
  it('pages highest first, ties by id, then the contacts without a score', async () => {
    expect(await walk(`tag=${TAG}&sort=-model.${modelId}`)).toEqual(expected(contacts, true));
    // Page sizes that end exactly at the last scored contact or inside the unscored ones.
    expect(await walk(`tag=${TAG}&sort=-model.${modelId}`, t.admin, 6)).toEqual(expected(contacts, true));
    expect(await walk(`tag=${TAG}&sort=-model.${modelId}`, t.admin, 1)).toEqual(expected(contacts, true));
  });

  it('pages lowest first with the contacts without a score first', async () => {
    expect(await walk(`tag=${TAG}&sort=model.${modelId}`)).toEqual(expected(contacts, false));
    expect(await walk(`tag=${TAG}&sort=model.${modelId}`, t.admin, 5)).toEqual(expected(contacts, false));
  });

  it('keeps the search and the filters', async () => {
    const lin = contacts.filter((c) => c.name.startsWith('Lin'));
    expect(await walk(`tag=${TAG}&q=Lin%20Sorted&sort=-model.${modelId}`, t.admin, 3)).toEqual(expected(lin, true));
    expect(await walk(`tag=${TAG}&modelScore=${modelId}:0.5&sort=-model.${modelId}`, t.admin, 2)).toEqual(expected(contacts.filter((c) => c.score !== null && c.score >= 0.5), true));
  });

  it("a rep's sorted list and score column hold only the records they may see", async () => {
    const mine = await walk(`sort=-model.${modelId}`, vis.repA.headers, 2);
    expect(mine).toContain(vis.visible);
    expect(mine).not.toContain(vis.hidden);
    const cols = await t.json('GET', `/api/v1/intelligence/model-scores?contactIds=${vis.visible},${vis.hidden}`, vis.repA.headers);
    expect(cols.status).toBe(200);
    expect(cols.body.data).toEqual([{ contactId: vis.visible, modelId, score: 0.3, high: false }]);
  });

  it('gives the score column every model score of a page of contacts', async () => {
    const page = contacts.slice(0, 5).map((c) => c.id);
    const r = await t.json('GET', `/api/v1/intelligence/model-scores?contactIds=${page.join(',')}`, t.admin);
    expect(r.status).toBe(200);
    const got = new Map(r.body.data.map((s: { contactId: string; score: number; high: boolean }) => [s.contactId, s]));
    for (const c of contacts.slice(0, 5)) expect((got.get(c.id) as { score: number } | undefined)?.score ?? null).toBe(c.score);
    expect((got.get(contacts[0]!.id) as { high: boolean }).high).toBe(true);
    expect((await t.json('GET', `/api/v1/intelligence/model-scores?contactIds=${Array.from({ length: 201 }, (_, i) => `c${i}`).join(',')}`, t.admin)).status).toBe(422);
  });

  it('refuses an unknown model', async () => {
    const r = await t.json('GET', '/api/v1/contacts?sort=-model.nope', t.admin);
    expect(r.status).toBe(422);
    expect(r.body.errors[0].path).toBe('sort');
  });
});
