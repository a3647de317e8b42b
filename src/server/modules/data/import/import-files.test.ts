// Imports of real files end to end: a HubSpot export (UTF-8 BOM, commas), a Chinese Excel CSV in GBK, an XLSX made
// with exceljs, a semicolon file; mapping suggestion, preview, cleansing, company linking and search rows.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { contactsMatching, CSV, runImportToEnd, upload, XLSX } from './import-test-helpers.js';

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const hubspot = [
  'Record ID,First Name,Last Name,Email,Phone Number,Company Name,Job Title,Lifecycle Stage,Create Date,Contact owner',
  '501,Alice,Walker, Alice.Walker@Example.COM ,+1 415 555 0100,Acme   Corp,Head of  Sales,Customer,2024-01-05 10:00,Sam',
  '502,Bob,Stone,bob@stone.io,+1 (415) 555-0101,Acme Corp,CTO,marketingqualifiedlead,2024-02-01 09:00,Sam',
].join('\r\n');

describe('importing files', () => {
  it('imports a HubSpot export with a BOM: mapping suggested from the headers, cells cleansed, company linked once', async () => {
    const up = await upload(t, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(hubspot)]), CSV, 'object=contacts&fileName=hubspot-contacts.csv');
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ status: 'uploaded', format: 'csv', encoding: 'utf8', delimiter: ',', mappingSource: 'suggested' });
    expect(up.body.headers[0]).toBe('Record ID');
    expect(up.body.mapping).toMatchObject({ 'Record ID': 'externalId', 'First Name': 'givenName', 'Last Name': 'familyName', Email: 'emails', 'Phone Number': 'phones', 'Company Name': 'company', 'Job Title': 'title', 'Lifecycle Stage': 'lifecycleStage', 'Create Date': 'sourceCreatedAt', 'Contact owner': 'owner' }); // issue 9: both are recognised now

    const preview = await t.json('POST', `/api/v1/imports/${up.body.id}/preview`, t.admin, {});
    expect(preview.status).toBe(200);
    expect(preview.body.rows[0]).toMatchObject({ rowNumber: 2, errors: [], values: { givenName: 'Alice', emails: ['alice.walker@example.com'], phones: ['+14155550100'], company: 'Acme Corp', title: 'Head of Sales', lifecycleStage: 'customer' } });
    expect(preview.body.rows[1].values.lifecycleStage).toBe('qualified');
    expect((await t.json('GET', '/api/v1/contacts?q=walker', t.admin)).body.data).toHaveLength(0); // the preview wrote nothing

    const done = await runImportToEnd(t, up.body.id);
    expect(done).toMatchObject({ status: 'done', progress: { rowsDone: 2, created: 2, failed: 0, companiesCreated: 1, percent: 100 } });
    const [alice] = await contactsMatching(t, 'alice.walker');
    expect(alice).toMatchObject({ displayName: 'Alice Walker', externalId: '501', companyName: 'Acme Corp', lifecycleStage: 'customer', ownerId: expect.any(String), sourceCreatedAt: '2024-01-05T10:00:00.000Z' });
    expect(done.progress.warnings).toBe(2); // no user is called Sam: the importer owns them, and it is reported
    expect((await contactsMatching(t, 'acme corp')).map((c) => c.displayName).sort()).toEqual(['Alice Walker', 'Bob Stone']);
    expect((await t.json('GET', '/api/v1/companies?q=acme', t.admin)).body.data).toMatchObject([{ name: 'Acme Corp', contactCount: 2 }]);

    // The search row written in bulk is exactly the one the API writes when it saves the same contact.
    const before = await t.app.db.kysely.selectFrom('searchIndex').select(['doc', 'grams']).where('entityId', '=', alice.id).executeTakeFirstOrThrow();
    expect((await t.json('PATCH', `/api/v1/contacts/${alice.id}`, t.admin, { title: alice.title })).status).toBe(200);
    const after = await t.app.db.kysely.selectFrom('searchIndex').select(['doc', 'grams']).where('entityId', '=', alice.id).executeTakeFirstOrThrow();
    expect(after).toEqual(before);

    // One import-level audit trail and a single import.completed event, not one per contact.
    const events = await t.app.db.kysely.selectFrom('outbox').select(['type', 'payload']).where('entityId', '=', up.body.id).execute();
    expect(events.map((e) => e.type)).toEqual(['import.completed']);
    expect(JSON.parse(events[0]!.payload)).toMatchObject({ created: 2, object: 'contacts' });
    expect(await t.app.db.kysely.selectFrom('outbox').select('id').where('type', '=', 'contact.created').where('entityId', '=', alice.id).execute()).toHaveLength(0);
    const audit = (await t.json('GET', `/api/v1/audit?entity=import&entityId=${up.body.id}`, t.admin)).body.data;
    expect(audit.map((a: any) => a.action).sort()).toEqual(['create', 'update', 'update']);
    expect((await t.json('GET', `/api/v1/jobs/${done.jobId}`, t.admin)).body).toMatchObject({ status: 'done', progress: { importId: up.body.id, rowsDone: 2 } });
  });

  it('imports a Chinese Excel CSV encoded in GBK with 姓名/手机/邮箱/公司 headers', async () => {
    const text = ['姓名,手机,邮箱,公司,标签,是否订阅邮件,生日', '张伟,138 0013 8000,ZHANG.WEI@Example.cn,腾讯科技,重要客户;北京,是,1990/3/5', '李娜,139-1234-5678,lina@example.cn,腾讯科技,,否,1988年12月1日'].join('\r\n');
    const up = await upload(t, iconv.encode(text, 'gbk'), CSV, 'object=contacts&fileName=客户.csv');
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ encoding: 'gb18030', headers: ['姓名', '手机', '邮箱', '公司', '标签', '是否订阅邮件', '生日'] });
    expect(up.body.mapping).toEqual({ 姓名: 'displayName', 手机: 'phones', 邮箱: 'emails', 公司: 'company', 标签: 'tags', 是否订阅邮件: null, 生日: 'birthday' });
    const done = await runImportToEnd(t, up.body.id, { mapping: { ...up.body.mapping, 是否订阅邮件: 'consent.email' } });
    expect(done).toMatchObject({ status: 'done', mappingSource: 'chosen', progress: { created: 2, failed: 0, companiesCreated: 1 } });
    const [zhang] = await contactsMatching(t, '张伟');
    expect(zhang).toMatchObject({ displayName: '张伟', phones: ['+8613800138000'], emails: ['zhang.wei@example.cn'], companyName: '腾讯科技', tags: ['北京', '重要客户'], consent: { email: true }, birthday: '1990-03-05' });
    expect((await contactsMatching(t, '娜'))[0]).toMatchObject({ displayName: '李娜', birthday: '1988-12-01', consent: { email: false } });
    expect((await contactsMatching(t, '138 0013'))[0].id).toBe(zhang.id);
    expect((await t.json('GET', '/api/v1/contacts?tag=重要客户', t.admin)).body.data).toHaveLength(1);

    // The mapping was saved for this header set: the same export next time comes with it.
    const again = await upload(t, iconv.encode(text, 'gbk'), CSV, 'object=contacts&fileName=客户2.csv');
    expect(again.body).toMatchObject({ mappingSource: 'saved', mapping: { 是否订阅邮件: 'consent.email' } });
  });

  it('imports an XLSX made with exceljs, with dates, numbers and case-insensitive custom selects', async () => {
    expect((await t.json('POST', '/api/v1/custom-fields', t.admin, { object: 'contact', key: 'vip_level', label: 'VIP level', type: 'select', options: ['Gold', 'Silver'] })).status).toBe(201);
    expect((await t.json('POST', '/api/v1/custom-fields', t.admin, { object: 'contact', key: 'newsletter', label: 'Newsletter', type: 'boolean' })).status).toBe(201);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Contacts');
    ws.addRow(['Full Name', 'Email Address', 'Mobile Phone', 'Company', 'Birthday', 'VIP level', 'newsletter']);
    ws.addRow(['Carol King', 'carol@king.dev', 13700137000, 'King & Co', new Date(Date.UTC(1985, 6, 14)), 'gold', 'yes']);
    ws.addRow(['王芳', 'wang.fang@example.cn', '+86 136 0000 1111', 'King & Co', '2001-02-03', 'SILVER', '否']);
    const up = await upload(t, Buffer.from(await wb.xlsx.writeBuffer()), XLSX, 'object=contacts&fileName=contacts.xlsx');
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ format: 'xlsx', mapping: { 'Full Name': 'displayName', 'Email Address': 'emails', 'Mobile Phone': 'phones', Company: 'company', Birthday: 'birthday', 'VIP level': 'custom.vip_level', newsletter: 'custom.newsletter' } });
    const done = await runImportToEnd(t, up.body.id);
    expect(done.progress).toMatchObject({ created: 2, failed: 0 });
    const [carol] = await contactsMatching(t, 'carol@king');
    expect(carol).toMatchObject({ phones: ['+8613700137000'], birthday: '1985-07-14', customFields: { vip_level: 'Gold', newsletter: true }, companyName: 'King & Co' });
    expect((await contactsMatching(t, '王芳'))[0].customFields).toEqual({ vip_level: 'Silver', newsletter: false });
    expect((await t.json('GET', '/api/v1/contacts?cf.vip_level=Gold', t.admin)).body.data.map((c: any) => c.id)).toEqual([carol.id]);
  });

  it('reads a semicolon-delimited file, and refuses what is not a file to import', async () => {
    const up = await upload(t, 'Name;E-mail;City\nDan Brown;dan@brown.org;Boston\n', CSV, 'object=contacts&fileName=semi.csv');
    expect(up.body).toMatchObject({ delimiter: ';', mapping: { Name: 'displayName', 'E-mail': 'emails', City: 'address.city' } });
    expect((await runImportToEnd(t, up.body.id)).progress.created).toBe(1);
    expect((await contactsMatching(t, 'dan@brown'))[0].address).toEqual({ city: 'Boston' });

    expect((await upload(t, '', CSV)).status).toBe(422);
    const json = await t.app.inject({ method: 'POST', url: '/api/v1/imports?object=contacts', headers: { ...t.admin, 'content-type': 'application/json' }, payload: '{"a":1}' });
    expect(json.statusCode).toBe(400);
    expect(json.headers['content-type']).toContain('application/problem+json');
    const unknown = await upload(t, 'a,b\n1,2\n', CSV, 'object=spaceships');
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].path).toBe('object');
    const badMap = await t.json('POST', `/api/v1/imports/${up.body.id}/start`, t.admin, {});
    expect(badMap.status).toBe(409);
    const other = await upload(t, 'Name\nX\n', CSV);
    const wrong = await t.json('POST', `/api/v1/imports/${other.body.id}/start`, t.admin, { mapping: { Name: 'nickname', Nope: 'title' } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors.map((e: any) => e.path).sort()).toEqual(['mapping.Name', 'mapping.Nope']);
    expect((await t.json('GET', '/api/v1/imports/nope', t.admin)).status).toBe(404);
    process.env.RAPPORT_IMPORT_MAX_BYTES = '64';
    try {
      const big = await upload(t, 'Name\n' + 'Somebody\n'.repeat(20), CSV);
      expect(big.status).toBe(413);
      expect(big.body.detail).toContain('RAPPORT_IMPORT_MAX_BYTES');
    } finally {
      delete process.env.RAPPORT_IMPORT_MAX_BYTES;
    }
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: { 'content-type': CSV }, payload: 'Name\nX\n' })).statusCode).toBe(401);
  });
});
