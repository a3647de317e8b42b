// Issue 9 on real CRM layouts (HubSpot US, Salesforce, a Chinese CRM in GBK): phones read in each row's country,
// postal code, owner, creation date, opt-out and lead source recognised, nothing dropped silently, "from import X".
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { contactsMatching, CSV, runImportToEnd, upload } from './import-test-helpers.js';

let t: TestApp;
let rep: { id: string };
beforeAll(async () => {
  t = await startTestApp();
  rep = (await t.json('POST', '/api/v1/users', t.admin, { email: 'rep-layouts@example.com', name: '销售甲', password: 'rep-password-1', role: 'sales' })).body;
});
afterAll(() => t.close());

const one = async (q: string) => (await contactsMatching(t, q))[0];
const fromImport = async (id: string) => (await t.json('GET', `/api/v1/contacts?importId=${id}&limit=100`, t.admin)).body.data as any[];

describe('imports of real CRM exports', () => {
  it('HubSpot, US contacts with the organisation in CN: each number read in its own country, never as +86', async () => {
    const file = [
      'Record ID,First Name,Last Name,Email,Phone Number,Mobile Phone Number,Street Address,City,State/Region,Postal Code,Country/Region,Contact owner,Create Date,Original Source,Unsubscribed from all email,Favorite Color',
      '901,Ann,Lee,ann@hs-us.test,(650) 450-0000,650.450.0000,1 Main St,Palo Alto,CA,94301,United States,rep-layouts@example.com,10/13/2025 14:30,Organic search,true,blue',
      '902,Bo,Chan,bo@hs-us.test,2345 6789,,,,,,Hong Kong,Nobody Here,2025-10-14,,false,',
      '903,Cy,Wu,cy@hs-us.test,(650) 450-000,,,,,,USA,,2025-10-15,,,',
      '904,Di,Ng,di@hs-us.test,138 0013 8000,,,,,,,,,,,',
    ].join('\r\n');
    const up = await upload(t, file, CSV, 'object=contacts&fileName=hubspot-us.csv');
    expect(up.body.mapping).toMatchObject({ 'Postal Code': 'address.postalCode', 'Country/Region': 'address.country', 'Contact owner': 'owner', 'Create Date': 'sourceCreatedAt', 'Original Source': 'source', 'Unsubscribed from all email': 'consent.emailOptOut', 'Favorite Color': null });
    expect(up.body.ignoredColumns).toEqual(['Favorite Color']);

    const preview = (await t.json('POST', `/api/v1/imports/${up.body.id}/preview`, t.admin, {})).body;
    expect(preview.summary).toMatchObject({ rowsScanned: 4, region: 'CN', phones: { normalised: 4, raw: 1, rejected: 0 }, rowsWithWarnings: 1, rowsRejected: 0, ignoredColumns: ['Favorite Color'] }); // owners are matched when the rows are written
    expect(preview.summary.countries).toEqual(expect.arrayContaining([{ country: 'United States', region: 'US', rows: 1 }, { country: 'Hong Kong', region: 'HK', rows: 1 }, { country: 'USA', region: 'US', rows: 1 }]));

    const done = await runImportToEnd(t, up.body.id);
    expect(done.progress).toMatchObject({ created: 4, failed: 0, warnings: 2 });
    expect(done.ignoredColumns).toEqual(['Favorite Color']);
    // Two forms of one number are one number.
    expect(await one('ann@hs-us.test')).toMatchObject({ phones: ['+16504500000'], rawPhones: [], address: { postalCode: '94301', country: 'United States' }, ownerId: rep.id, sourceCreatedAt: '2025-10-13T14:30:00.000Z', source: 'Organic search', consent: { email: false } });
    expect(await one('bo@hs-us.test')).toMatchObject({ phones: ['+85223456789'], sourceCreatedAt: '2025-10-14T00:00:00.000Z' });
    expect(await one('cy@hs-us.test')).toMatchObject({ phones: [], rawPhones: ['(650) 450-000'] });
    expect(await one('di@hs-us.test')).toMatchObject({ phones: ['+8613800138000'] });
    const errors = (await t.json('GET', `/api/v1/imports/${up.body.id}/errors`, t.admin)).body.data;
    expect(errors).toEqual([
      { rowNumber: 3, column: 'Contact owner', value: 'Nobody Here', reason: 'no user matches the owner "Nobody Here" (by email or name)', severity: 'warning' },
      { rowNumber: 4, column: 'Phone Number', value: '(650) 450-000', reason: '"(650) 450-000" is not a valid phone number for US; kept as typed, not normalised', severity: 'warning' },
    ]);
    expect((await fromImport(up.body.id)).map((c) => c.externalId).sort()).toEqual(['901', '902', '903', '904']);
    const event = await t.app.db.kysely.selectFrom('outbox').select('payload').where('type', '=', 'import.completed').where('entityId', '=', up.body.id).executeTakeFirstOrThrow();
    expect(JSON.parse(event.payload)).toMatchObject({ created: 4, warnings: 2, failed: 0, ignoredColumns: ['Favorite Color'] });
  });

  it('Salesforce: Mailing* columns, OwnerId, CreatedDate, HasOptedOutOfEmail withdrawing consent on an existing contact', async () => {
    const existing = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'John Smith', emails: ['john@sf.test'], consent: { email: true } })).body;
    const file = [
      'Id,Salutation,FirstName,LastName,Account.Name,Title,Email,Phone,MobilePhone,MailingStreet,MailingCity,MailingState,MailingPostalCode,MailingCountry,LeadSource,OwnerId,CreatedDate,HasOptedOutOfEmail',
      `0035g00000ABCDE,Mr.,John,Smith,Globex UK,CFO,john@sf.test,020 7946 0958,07400 123456,10 Downing St,London,,SW1A 2AA,United Kingdom,Web,${rep.id},2025-10-13T08:15:00.000Z,1`,
      '0035g00000ABCDF,Ms.,Jane,Doe,,,not-an-email,+1 415 555 0100,,,,,,USA,Partner,005XXXXXXXXXXXX,13.10.2025,0',
    ].join('\n');
    const up = await upload(t, file, CSV, 'object=contacts&fileName=salesforce.csv');
    expect(up.body.mapping).toMatchObject({ Id: 'externalId', FirstName: 'givenName', 'Account.Name': 'company', MailingPostalCode: 'address.postalCode', MailingCountry: 'address.country', LeadSource: 'source', OwnerId: 'owner', CreatedDate: 'sourceCreatedAt', HasOptedOutOfEmail: 'consent.emailOptOut', Salutation: null });
    const done = await runImportToEnd(t, up.body.id);
    expect(done.progress).toMatchObject({ created: 1, updated: 1, failed: 0, warnings: 1 }); // rows with warnings
    const john = (await t.json('GET', `/api/v1/contacts/${existing.id}`, t.admin)).body;
    expect(john).toMatchObject({ phones: ['+442079460958', '+447400123456'], address: { postalCode: 'SW1A 2AA', country: 'United Kingdom' }, source: 'Web', sourceCreatedAt: '2025-10-13T08:15:00.000Z', consent: { email: false } });
    expect(await one('Jane Doe')).toMatchObject({ emails: [], phones: ['+14155550100'], source: 'Partner', sourceCreatedAt: '2025-10-13T00:00:00.000Z', ownerId: expect.any(String) });
    const errors = (await t.json('GET', `/api/v1/imports/${up.body.id}/errors`, t.admin)).body.data;
    // The Salesforce user id names no user here: the created contact falls back to the importer, and it is said.
    expect(errors).toEqual([
      { rowNumber: 3, column: 'Email', value: 'not-an-email', reason: expect.stringContaining('not a valid email'), severity: 'warning' },
      { rowNumber: 3, column: 'OwnerId', value: '005XXXXXXXXXXXX', reason: expect.stringContaining('no user matches the owner'), severity: 'warning' },
    ]);
    expect((await fromImport(up.body.id)).map((c) => c.displayName).sort()).toEqual(['Jane Doe', 'John Smith']);
  });

  it('a Chinese CRM export in GBK: 国家/地区, 邮编, 负责人 by name, 创建时间 in Chinese dates, 线索来源, 退订', async () => {
    const file = [
      '姓名,手机,邮箱,国家/地区,邮编,负责人,创建时间,线索来源,退订,备注',
      '张伟,138 0013 8002,zw@cn-crm.test,中国,100080,销售甲,2025年10月13日,展会,否,VIP客户',
      '李娜,+852 2345 6780,ln@cn-crm.test,香港,,,2025/10/13 09:30,官网,是,',
      '王芳,(650) 450-0003,wf@cn-crm.test,美国,94301,,2025-10-13,,,',
    ].join('\r\n');
    const up = await upload(t, iconv.encode(file, 'gbk'), CSV, 'object=contacts&fileName=crm-export.csv');
    expect(up.body.encoding).toBe('gb18030');
    expect(up.body.mapping).toMatchObject({ '国家/地区': 'address.country', 邮编: 'address.postalCode', 负责人: 'owner', 创建时间: 'sourceCreatedAt', 线索来源: 'source', 退订: 'consent.emailOptOut', 备注: null });
    const preview = (await t.json('POST', `/api/v1/imports/${up.body.id}/preview`, t.admin, {})).body;
    expect(preview.summary.countries).toEqual(expect.arrayContaining([{ country: '中国', region: 'CN', rows: 1 }, { country: '香港', region: 'HK', rows: 1 }, { country: '美国', region: 'US', rows: 1 }]));
    const done = await runImportToEnd(t, up.body.id);
    expect(done.progress).toMatchObject({ created: 3, failed: 0, warnings: 0 });
    expect(await one('zw@cn-crm.test')).toMatchObject({ phones: ['+8613800138002'], address: { postalCode: '100080' }, ownerId: rep.id, sourceCreatedAt: '2025-10-13T00:00:00.000Z', source: '展会' });
    expect(await one('ln@cn-crm.test')).toMatchObject({ phones: ['+85223456780'], sourceCreatedAt: '2025-10-13T09:30:00.000Z', consent: { email: false } });
    expect(await one('wf@cn-crm.test')).toMatchObject({ phones: ['+16504500003'] });
  });

  it('the file has a default region of its own, and the API reads a contact in its address country', async () => {
    const up = await upload(t, 'Name,Phone\nEd Roe,(650) 450-0001\n', CSV, 'object=contacts&fileName=us-only.csv&region=US');
    expect(up.body.region).toBe('US');
    expect((await runImportToEnd(t, up.body.id)).progress).toMatchObject({ created: 1, warnings: 0 });
    expect(await one('Ed Roe')).toMatchObject({ phones: ['+16504500001'] });
    expect((await upload(t, 'Name\nX\n', CSV, 'object=contacts&region=XX')).status).toBe(422);

    const made = await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Fay Api', phones: ['(650) 450-0002', '+1 650-450-0002'], address: { country: 'United States' } });
    expect(made.status).toBe(201);
    expect(made.body.phones).toEqual(['+16504500002']);
    const cn = await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Gus Api', phones: ['138 0013 8001'] });
    expect(cn.body.phones).toEqual(['+8613800138001']);
  });
});
