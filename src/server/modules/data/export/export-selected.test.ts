// Export of the selected rows (POST /contacts/export, /companies/export with ids): exactly those rows, in the list's
// sort order and across export pages, never a record the reader may not see; ids are not a list query parameter.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { makeVisibilityFixture, type VisibilityFixture } from '../../../test/visibility-fixture.js';

process.env.RAPPORT_EXPORT_PAGE = '2'; // the selection spans several export pages

let t: TestApp;
let fx: VisibilityFixture;
const contacts: string[] = [];
const companies: string[] = [];

beforeAll(async () => {
  t = await startTestApp();
  fx = await makeVisibilityFixture(t, 'expsel');
  for (const name of ['Cora', 'Abel', 'Dina', 'Bert', 'Emil']) contacts.push((await t.json('POST', '/api/v1/contacts', t.admin, { displayName: `${name} Sel`, tags: ['sel'] })).body.id);
  for (const name of ['Kilo Co', 'Alfa Co', 'Lima Co', 'Bravo Co']) companies.push((await t.json('POST', '/api/v1/companies', t.admin, { name, industry: 'sel' })).body.id);
});
afterAll(() => t.close());

async function exportSelected(object: 'contacts' | 'companies', body: Record<string, unknown>, headers = t.admin) {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/${object}/export`, headers: { ...headers, 'content-type': 'application/json' }, payload: body });
  return { status: res.statusCode, headers: res.headers, rows: res.statusCode === 200 ? (parse(res.rawPayload.subarray(3).toString('utf8')) as string[][]) : [], body: res.statusCode === 200 ? null : res.json() };
}

describe('export of selected rows', () => {
  it('exports exactly the chosen contacts in the list order, not all that match the filter', async () => {
    const chosen = [contacts[0]!, contacts[2]!, contacts[3]!]; // Cora, Dina, Bert
    const res = await exportSelected('contacts', { ids: chosen, columns: 'displayName,tags', sort: 'displayName', format: 'csv' });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="contacts-/);
    expect(res.rows).toEqual([['Name', 'Tags'], ['Bert Sel', 'sel'], ['Cora Sel', 'sel'], ['Dina Sel', 'sel']]);
    const newest = await exportSelected('contacts', { ids: chosen, columns: 'displayName' });
    expect(newest.rows.slice(1).map((r) => r[0])).toEqual(['Bert Sel', 'Dina Sel', 'Cora Sel']);
  });

  it('exports exactly the chosen companies, with Chinese headers when asked', async () => {
    const res = await exportSelected('companies', { ids: [companies[0]!, companies[3]!], columns: 'name,industry', sort: 'name', lang: 'zh-CN' });
    expect(res.rows).toHaveLength(3);
    expect(res.rows.slice(1)).toEqual([['Bravo Co', 'sel'], ['Kilo Co', 'sel']]);
    expect(res.rows[0]![0]).not.toBe('Name');
  });

  it("leaves out chosen records the reader may not see, and refuses an empty or unknown selection", async () => {
    const rep = await exportSelected('contacts', { ids: [fx.visible, fx.hidden], columns: 'displayName' }, fx.repA.headers);
    expect(rep.rows.slice(1).map((r) => r[0])).toEqual(['Visible Person expsel']);
    const repCo = await exportSelected('companies', { ids: [fx.company, companies[0]!], columns: 'name' }, fx.repA.headers);
    expect(repCo.rows.slice(1).map((r) => r[0])).toEqual(['Shared Co expsel']);
    expect((await exportSelected('contacts', { ids: [] })).status).toBe(422);
    expect((await exportSelected('companies', { ids: [companies[0]!], sort: 'nope' })).status).toBe(422);
    const asQuery = await t.app.inject({ method: 'GET', url: `/api/v1/contacts/export?ids=${contacts[0]}`, headers: t.admin });
    expect(asQuery.statusCode).toBe(422);
  });
});
