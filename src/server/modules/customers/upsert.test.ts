// The inbound upsert: another system keeps Rapport in sync by external id, email or phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const upsert = (body: object) => t.json('POST', '/api/v1/contacts/upsert', t.admin, body);

describe('POST /contacts/upsert', () => {
  it('creates, then updates the same contact matched by external id, email or phone', async () => {
    const first = await upsert({ externalId: 'shop-1001', displayName: '孙丽', emails: ['sun.li@shop.cn'], phones: ['13900001111'] });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ created: true, matchedBy: null, contact: { externalId: 'shop-1001' } });
    const id = first.body.contact.id;
    const byExt = await upsert({ externalId: 'shop-1001', title: '店长' });
    expect(byExt.status).toBe(200);
    expect(byExt.body).toMatchObject({ created: false, matchedBy: 'externalId', contact: { id, title: '店长', displayName: '孙丽' } });
    const byEmail = await upsert({ emails: ['sun.li@shop.cn'], lifecycleStage: 'customer' });
    expect(byEmail.body).toMatchObject({ matchedBy: 'email', contact: { id, lifecycleStage: 'customer' } });
    const byPhone = await upsert({ displayName: '孙丽', phones: ['+86 139 0000 1111'], source: 'shop' });
    expect(byPhone.body).toMatchObject({ matchedBy: 'phone', contact: { id, source: 'shop' } });
    const other = await upsert({ externalId: 'shop-1002', displayName: 'Other' });
    expect(other.status).toBe(201);
    const clash = await t.json('PATCH', `/api/v1/contacts/${other.body.contact.id}`, t.admin, { externalId: 'shop-1001' });
    expect(clash.status).toBe(409);
    expect(clash.body.errors[0].path).toBe('externalId');
    expect((await upsert({ title: 'no name, no match' })).status).toBe(422);
  });
});
