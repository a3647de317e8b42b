// The other import targets: companies (matched by domain or name) and interactions (hung on contacts and companies).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { CSV, runImportToEnd, upload } from './import-test-helpers.js';

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

describe('importing companies and interactions', () => {
  it('imports companies: domains from URLs, size bands from head counts, revenue in minor units, matched by domain', async () => {
    const existing = (await t.json('POST', '/api/v1/companies', t.admin, { name: 'Globex', domain: 'globex.com' })).body;
    const file = ['Company name,Website,Industry,Number of Employees,Annual Revenue,City,Tags', 'Globex Corporation,https://www.globex.com/about,Energy,350,"1,200,000.50",Springfield,utility', '阿里巴巴,alibaba.com,互联网,1000+,,杭州,', 'Initech,not a domain,,12,,,'].join('\n');
    const up = await upload(t, file, CSV, 'object=companies');
    expect(up.body.mapping).toMatchObject({ 'Company name': 'name', Website: 'domain', Industry: 'industry', 'Number of Employees': 'size', 'Annual Revenue': 'annualRevenue', City: 'address.city', Tags: 'tags' });
    const done = await runImportToEnd(t, up.body.id);
    // Issue 9: a bad cell no longer loses the row: Initech comes in without its domain, with a warning.
    expect(done.progress).toMatchObject({ created: 2, updated: 1, failed: 0, warnings: 1 });
    const g = (await t.json('GET', `/api/v1/companies/${existing.id}`, t.admin)).body;
    expect(g).toMatchObject({ name: 'Globex', industry: 'Energy', size: '201-1000', annualRevenue: 120000050, address: { city: 'Springfield' }, tags: ['utility'] });
    expect((await t.json('GET', `/api/v1/companies?q=${encodeURIComponent('阿里')}`, t.admin)).body.data).toMatchObject([{ name: '阿里巴巴', domain: 'alibaba.com', size: '1000+', currency: 'CNY' }]);
    expect((await t.json('GET', `/api/v1/imports/${up.body.id}/errors`, t.admin)).body.data).toEqual([{ rowNumber: 4, column: 'Website', value: 'not a domain', reason: expect.stringContaining('not a domain'), severity: 'warning' }]);
  });

  it('imports interactions onto contacts found by email or phone, and not twice when the file comes again', async () => {
    const c = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: '陈静', emails: ['chen.jing@timeline.test'], phones: ['13500135000'] })).body;
    const file = [
      '类型,主题,内容,时间,方向,时长,邮箱,手机',
      '电话,回访,客户满意,2026-03-01 10:30,呼出,120,chen.jing@timeline.test,',
      '备注,,记得寄样品,2026/03/02,,,,135 0013 5000',
      '会议,季度会,,2026-03-03 14:00,,,nobody@timeline.test,',
      '电话,,,2026-03-04,,,chen.jing@timeline.test,',
    ].join('\n');
    const up = await upload(t, file, CSV, 'object=interactions');
    expect(up.body.mapping).toMatchObject({ 类型: 'type', 主题: 'subject', 内容: 'body', 时间: 'occurredAt', 方向: 'direction', 时长: 'durationSeconds', 邮箱: 'contactEmail', 手机: 'contactPhone' });
    const preview = await t.json('POST', `/api/v1/imports/${up.body.id}/preview`, t.admin, {});
    expect(preview.body.rows[0].values).toMatchObject({ type: 'call', direction: 'outbound', occurredAt: '2026-03-01T10:30:00.000Z', durationSeconds: 120 });
    expect(preview.body.rows[2].errors).toEqual([{ column: 'startsAt', value: null, reason: 'a meeting needs startsAt', severity: 'error' }]); // no column is mapped to it
    const done = await runImportToEnd(t, up.body.id);
    expect(done.progress).toMatchObject({ rowsDone: 4, created: 2, failed: 2 });
    const timeline = (await t.json('GET', `/api/v1/interactions?contactId=${c.id}`, t.admin)).body.data;
    expect(timeline.map((i: any) => [i.type, i.subject, i.body])).toEqual([
      ['note', null, '记得寄样品'],
      ['call', '回访', '客户满意'],
    ]);
    const again = await runImportToEnd(t, (await upload(t, file, CSV, 'object=interactions')).body.id);
    expect(again.progress).toMatchObject({ created: 0, skipped: 2 });
  });
});
