// Row handling of imports: bad rows reported (row, column, reason; JSON and CSV), duplicates inside the file merged,
// and what an existing match gets: update (fill or overwrite), skip, or create new.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { verifyAudit } from '../../../core/audit/verify-audit.js';
import { contactsMatching, CSV, runImportToEnd, upload } from './import-test-helpers.js';

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const count = async (q: string) => (await contactsMatching(t, q)).length;

describe('import rows', () => {
  // Issue 9 changed the default: a bad cell is a warning and the row comes in with its valid cells; `strict` keeps
  // the old behaviour (the whole row is refused), checked on the same file below.
  it('imports rows with their valid cells and reports each bad cell as a warning; strict refuses the rows', async () => {
    const file = (d: string, pre = '138') => [
      'Name,Email,Phone,Birthday,Email opt in',
      `Good One,good1@${d},${pre}00000001,1990-01-01,yes`,
      `Bad Email,not-an-email,${pre}00000002,,`,
      `,nobody@${d},,,`,
      `Bad Phone,badphone@${d},12345,,`,
      `Bad Date,baddate@${d},,1990-02-30,maybe`,
      `Good Two,good2@${d},,31/12/1999,否`,
    ].join('\n');
    const up = await upload(t, file('bad-rows.test'), CSV, 'object=contacts&fileName=bad-rows.csv');
    const preview = await t.json('POST', `/api/v1/imports/${up.body.id}/preview`, t.admin, { limit: 3 });
    expect(preview.body.rows).toHaveLength(3);
    expect(preview.body.rows[1].errors).toEqual([{ column: 'Email', value: 'not-an-email', reason: '"not-an-email" is not a valid email address', severity: 'warning' }]);
    expect(preview.body.summary).toMatchObject({ rowsScanned: 6, rowsWithWarnings: 3, rowsRejected: 1, phones: { normalised: 2, raw: 1, rejected: 0 } });
    const done = await runImportToEnd(t, up.body.id);
    expect(done.progress).toMatchObject({ rowsDone: 6, created: 5, failed: 1, warnings: 3 });
    const [badEmail] = await contactsMatching(t, 'Bad Email');
    expect(badEmail).toMatchObject({ displayName: 'Bad Email', emails: [], phones: ['+8613800000002'] });
    const [badPhone] = await contactsMatching(t, 'badphone@bad-rows');
    expect(badPhone).toMatchObject({ phones: [], rawPhones: ['12345'] }); // kept as typed, never as a made-up number
    expect((await contactsMatching(t, 'baddate@bad-rows'))[0]).toMatchObject({ birthday: null, consent: { email: false } });
    expect((await contactsMatching(t, 'good2@bad-rows'))[0]).toMatchObject({ birthday: '1999-12-31', consent: { email: false } });

    const errors = (await t.json('GET', `/api/v1/imports/${up.body.id}/errors`, t.admin)).body.data;
    expect(errors).toEqual(
      expect.arrayContaining([
        { rowNumber: 3, column: 'Email', value: 'not-an-email', reason: expect.stringContaining('not a valid email'), severity: 'warning' },
        { rowNumber: 4, column: 'Name', value: null, reason: expect.stringContaining('needs a name'), severity: 'error' },
        { rowNumber: 5, column: 'Phone', value: '12345', reason: '"12345" is not a valid phone number for CN; kept as typed, not normalised', severity: 'warning' },
        { rowNumber: 6, column: 'Birthday', value: '1990-02-30', reason: expect.stringContaining('not a real date'), severity: 'warning' },
        { rowNumber: 6, column: 'Email opt in', value: 'maybe', reason: expect.stringContaining('yes/no'), severity: 'warning' },
      ]),
    );
    expect(errors).toHaveLength(5);

    const csv = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${up.body.id}/errors.csv`, headers: t.admin });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('bad-rows-errors.csv');
    const rows = parse(csv.body, { bom: true }) as string[][];
    expect(rows[0]).toEqual(['row', 'column', 'value', 'reason', 'severity']);
    expect(rows.slice(1).map((r) => `${r[0]}:${r[1]}:${r[4]}`).sort()).toEqual(['3:Email:warning', '4:Name:error', '5:Phone:warning', '6:Birthday:warning', '6:Email opt in:warning'].sort());

    // The same report in Chinese: by ?lang=zh-CN (what the UI passes) and by Accept-Language.
    for (const [query, headers] of [['?lang=zh-CN', t.admin], ['', { ...t.admin, 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' }]] as const) {
      const zh = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${up.body.id}/errors.csv${query}`, headers });
      expect(zh.statusCode).toBe(200);
      const zhRows = parse(zh.body, { bom: true }) as string[][];
      expect(zhRows[0]).toEqual(['行号', '列', '值', '原因', '级别']);
      expect(zhRows.find((r) => r[0] === '5')).toEqual(['5', 'Phone', '12345', '“12345”不是 CN 的有效电话号码；已按原样保留，未做规范化', '警告（已导入，此单元格未采用或按原样保留）']);
      expect(zhRows.find((r) => r[0] === '4')![3]).toBe('联系人需要姓名（“姓名”“名”或“姓”列须有值）');
      for (const r of zhRows.slice(1)) expect(r[3]).not.toMatch(/[a-z]{4,} [a-z]{3,}/); // no English sentence left
    }

    const strictUp = await upload(t, file('strict-rows.test', '139'), CSV, 'object=contacts&fileName=strict-rows.csv');
    const strict = await runImportToEnd(t, strictUp.body.id, { strict: true });
    expect(strict).toMatchObject({ strict: true, progress: { rowsDone: 6, created: 2, failed: 4, warnings: 0 } });
    expect(await count('strict-rows.test')).toBe(2);
    const strictErrors = (await t.json('GET', `/api/v1/imports/${strictUp.body.id}/errors`, t.admin)).body.data;
    expect(strictErrors.every((e: any) => e.severity === 'error')).toBe(true);
    expect(strictErrors.find((e: any) => e.rowNumber === 5).reason).toBe('"12345" is not a valid phone number (default region CN)');
  });

  it('merges a person listed twice in the file into one contact', async () => {
    const file = [
      'First Name,Last Name,Email,Mobile,Company,Tags',
      'Eve,Adams,eve@dupes.test,,Dupes Ltd,a',
      'Frank,Ocean,frank@dupes.test,13911112222,,',
      'Eve,Adams,EVE@dupes.test,13911113333,,b',
      'Franky,O.,,139 1111 2222,,c',
    ].join('\n');
    const up = await upload(t, file, CSV);
    const done = await runImportToEnd(t, up.body.id);
    expect(done.progress).toMatchObject({ rowsDone: 4, created: 2, duplicates: 2, failed: 0 });
    const eve = await contactsMatching(t, 'eve@dupes');
    expect(eve).toHaveLength(1);
    expect(eve[0]).toMatchObject({ phones: ['+8613911113333'], tags: ['a', 'b'], companyName: 'Dupes Ltd' });
    const frank = await contactsMatching(t, 'frank@dupes');
    expect(frank).toHaveLength(1);
    expect(frank[0]).toMatchObject({ displayName: 'Frank Ocean', tags: ['c'] });
  });

  it('on a match: fills empty fields by default, overwrites when asked, skips, or creates new', async () => {
    const existing = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Grace Hopper', emails: ['grace@match.test'], title: 'Admiral', tags: ['navy'] })).body;
    const file = 'Name,Email,Title,City,Tags\nGrace B. Hopper,grace@match.test,Rear Admiral,Arlington,cobol\n';

    const fill = await runImportToEnd(t, (await upload(t, file, CSV)).body.id);
    expect(fill.progress).toMatchObject({ created: 0, updated: 1 });
    let g = (await t.json('GET', `/api/v1/contacts/${existing.id}`, t.admin)).body;
    expect(g).toMatchObject({ displayName: 'Grace Hopper', title: 'Admiral', address: { city: 'Arlington' }, tags: ['cobol', 'navy'] });
    const audit = (await t.json('GET', `/api/v1/audit?entity=contact&entityId=${existing.id}`, t.admin)).body.data;
    expect(audit.find((a: any) => a.action === 'update')).toMatchObject({ after: { address: { city: 'Arlington' } } });

    const over = await runImportToEnd(t, (await upload(t, file, CSV)).body.id, { updateMode: 'overwrite' });
    expect(over.progress).toMatchObject({ created: 0, updated: 1 });
    g = (await t.json('GET', `/api/v1/contacts/${existing.id}`, t.admin)).body;
    expect(g).toMatchObject({ displayName: 'Grace B. Hopper', title: 'Rear Admiral' });

    const skip = await runImportToEnd(t, (await upload(t, file.replace('Rear Admiral', 'Commodore'), CSV)).body.id, { onMatch: 'skip' });
    expect(skip.progress).toMatchObject({ created: 0, updated: 0, skipped: 1 });
    expect((await t.json('GET', `/api/v1/contacts/${existing.id}`, t.admin)).body.title).toBe('Rear Admiral');

    // "create new" makes a second Grace, but still only one for two rows of the same person in this file.
    const twice = file + 'Grace Hopper,grace@match.test,,,\n';
    const create = await runImportToEnd(t, (await upload(t, twice, CSV)).body.id, { onMatch: 'create' });
    expect(create.progress).toMatchObject({ created: 1, duplicates: 1 });
    expect(await count('grace@match')).toBe(2);
    expect(await t.app.db.kysely.selectFrom('importKeys').selectAll().where('importId', '=', create.id).execute()).toHaveLength(0);
  });

  it('updates many matched contacts in one batch: each stored, searchable, tagged and audited, the chain intact', async () => {
    const people = ['Ada Lovelace', 'Alan Turing', 'Edsger Dijkstra', 'Barbara Liskov'];
    const ids: string[] = [];
    for (const [i, name] of people.entries()) ids.push((await t.json('POST', '/api/v1/contacts', t.admin, { displayName: name, emails: [`bulk${i}@update.test`], title: 'Engineer' })).body.id);
    const file = `Name,Email,Title,Tags\n${people.map((n, i) => `${n},bulk${i}@update.test,Distinguished Fellow ${i},pioneer`).join('\n')}\n`;
    const done = await runImportToEnd(t, (await upload(t, file, CSV)).body.id, { updateMode: 'overwrite' });
    expect(done.progress).toMatchObject({ created: 0, updated: 4 });
    for (const [i, id] of ids.entries()) {
      const c = (await t.json('GET', `/api/v1/contacts/${id}`, t.admin)).body;
      expect(c).toMatchObject({ displayName: people[i], title: `Distinguished Fellow ${i}`, tags: ['pioneer'] });
      const audit = (await t.json('GET', `/api/v1/audit?entity=contact&entityId=${id}`, t.admin)).body.data;
      expect(audit.find((a: any) => a.action === 'update')).toMatchObject({ before: { title: 'Engineer' }, after: { title: `Distinguished Fellow ${i}` } });
    }
    // The search index follows the new titles.
    expect((await t.json('GET', `/api/v1/contacts?q=${encodeURIComponent('Distinguished Fellow')}`, t.admin)).body.data).toHaveLength(4);
    expect(await verifyAudit(t.app.db.kysely)).toMatchObject({ ok: true });
  });

  it('matches by E.164 phone and by external id, across batches of the same file', async () => {
    process.env.RAPPORT_IMPORT_BATCH = '2';
    try {
      await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Heidi', phones: ['+86 137 0000 9999'] });
      const file = ['Id,Name,Phone,Title', 'H-1,Heidi Klum,137-0000-9999,Model', 'I-1,Ivan,13600001111,', 'x,Filler,,', 'I-1,Ivan Petrov,,Engineer', 'H-1,,,,'].join('\n');
      const done = await runImportToEnd(t, (await upload(t, file, CSV)).body.id);
      expect(done.progress).toMatchObject({ rowsDone: 5, created: 2, failed: 1 });
      const heidi = await contactsMatching(t, '137 0000 9999');
      expect(heidi).toHaveLength(1);
      expect(heidi[0]).toMatchObject({ displayName: 'Heidi', externalId: 'H-1', title: 'Model' });
      const ivan = await contactsMatching(t, 'ivan');
      expect(ivan).toHaveLength(1);
      expect(ivan[0]).toMatchObject({ externalId: 'I-1', title: 'Engineer', phones: ['+8613600001111'] });
    } finally {
      delete process.env.RAPPORT_IMPORT_BATCH;
    }
  });

  it('with "create new", still merges the file\'s own duplicates across batches, and not into existing contacts', async () => {
    process.env.RAPPORT_IMPORT_BATCH = '1';
    try {
      const old = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Jay Old', emails: ['jay@create.test'] })).body;
      const file = 'Name,Email,Title\nJay New,jay@create.test,\nJay New,JAY@create.test,Drummer\n';
      const done = await runImportToEnd(t, (await upload(t, file, CSV)).body.id, { onMatch: 'create' });
      expect(done.progress).toMatchObject({ rowsDone: 2, created: 1, updated: 1 });
      const jays = await contactsMatching(t, 'jay@create');
      expect(jays.map((j) => [j.displayName, j.title]).sort()).toEqual([['Jay New', 'Drummer'], ['Jay Old', null]]);
      expect(jays.find((j) => j.id === old.id).title).toBeNull();
    } finally {
      delete process.env.RAPPORT_IMPORT_BATCH;
    }
  });
});
