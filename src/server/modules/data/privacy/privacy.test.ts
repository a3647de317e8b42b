// Per-person data export and erasure end to end: the erased person is gone from every text column of every table,
// other people's data stays, and the audit chain still verifies after its rewrite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { verifyAudit } from '../../../core/audit/verify-audit.js';
import { findEverywhere as findEverywhereIn } from '../../../test/find-everywhere.js';

process.env.RAPPORT_OUTBOX_LAG_MS = '0';

let t: TestApp;
beforeAll(async () => (t = await startTestApp({ outboundAllow: '127.0.0.1' }))); // a webhook on a local port
afterAll(() => t.close());

const NAME = '埃拉斯谟Quux';
const EMAIL = 'erasmus.quux_1@example.org';
const OLD_EMAIL = 'old.erasmus@example.org';
const PHONE = '+8613912345678';

const findEverywhere = (value: string) => findEverywhereIn(t.app.db.kysely, value);

describe('privacy: per-person export and erasure', () => {
  let id: string;
  let otherId: string;

  it('exports everything held about one person as JSON', async () => {
    await t.json('POST', '/api/v1/webhooks', t.admin, { url: 'http://127.0.0.1:9/hook', events: ['*'] });
    await t.json('POST', '/api/v1/custom-fields', t.admin, { object: 'contact', key: 'shoe', label: 'Shoe size', type: 'number' });
    const co = (await t.json('POST', '/api/v1/companies', t.admin, { name: 'Quux Trading' })).body;
    const c = await t.json('POST', '/api/v1/contacts', t.admin, { displayName: NAME, emails: [OLD_EMAIL], phones: [PHONE], companyId: co.id, tags: ['vip'], customFields: { shoe: 42 } });
    id = c.body.id;
    await t.json('PATCH', `/api/v1/contacts/${id}`, t.admin, { emails: [EMAIL] });
    await t.json('POST', '/api/v1/interactions', t.admin, { type: 'note', contactId: id, subject: `Call with ${NAME}`, body: 'asked about pricing' });
    otherId = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Other Person', emails: ['other@example.org'] })).body.id;
    await t.json('POST', '/api/v1/interactions', t.admin, { type: 'note', contactId: otherId, subject: 'Other note', body: 'kept' });
    await t.app.worker.drain(); // webhook deliveries now hold copies of the events

    const res = await t.json('GET', `/api/v1/contacts/${id}/data-export`, t.admin);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ subject: { type: 'contact', id }, contact: { displayName: NAME, emails: [EMAIL] }, tags: ['vip'], company: { name: 'Quux Trading' } });
    expect(res.body.customFields).toEqual([{ key: 'shoe', label: 'Shoe size', type: 'number', value: 42 }]);
    expect(res.body.auditEntries.map((e: any) => e.action)).toEqual(['create', 'update']);
    expect(res.body.auditEntries[1]).toMatchObject({ before: { emails: [OLD_EMAIL] }, after: { emails: [EMAIL] } });
    expect(res.body.related.interactions).toHaveLength(1);
    expect(res.body.related.interactions[0].subject).toBe(`Call with ${NAME}`);
  });

  it('refuses erasure to non-admins and without the confirmation', async () => {
    await t.json('POST', '/api/v1/users', t.admin, { email: 'mgr@example.com', name: 'Mgr', password: 'password-123', role: 'manager' });
    const mgr = await t.login('mgr@example.com', 'password-123');
    expect((await t.json('POST', `/api/v1/contacts/${id}/erase`, mgr, { confirm: 'ERASE' })).status).toBe(403);
    expect((await t.json('GET', `/api/v1/contacts/${id}/data-export`, mgr)).status).toBe(403);
    const noConfirm = await t.json('POST', `/api/v1/contacts/${id}/erase`, t.admin, { confirm: 'yes' });
    expect(noConfirm.status).toBe(422);
    expect(noConfirm.body.errors[0].path).toBe('confirm');
    expect((await t.json('POST', '/api/v1/contacts/no-such-id/erase', t.admin, { confirm: 'ERASE' })).status).toBe(404);
    expect((await t.json('GET', `/api/v1/contacts/${id}`, t.admin)).status).toBe(200);
  });

  it('erases the person from every table, keeps others, and the audit chain still verifies', async () => {
    expect((await findEverywhere(NAME)).length).toBeGreaterThan(3); // the scan does find the data before erasure
    const res = await t.json('POST', `/api/v1/contacts/${id}/erase`, t.admin, { confirm: 'ERASE' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ contactId: id, contactDeleted: true, relatedRecordsErased: { interactions: 1 } });
    expect(res.body.auditEntriesScrubbed).toBeGreaterThanOrEqual(3);

    for (const v of [NAME, EMAIL, OLD_EMAIL, PHONE, PHONE.slice(1)]) expect(await findEverywhere(v), v).toEqual([]);
    expect((await t.json('GET', `/api/v1/contacts/${id}`, t.admin)).status).toBe(404);
    expect((await t.json('GET', `/api/v1/contacts?q=${encodeURIComponent('埃拉斯')}`, t.admin)).body.data).toEqual([]);

    const verify = await verifyAudit(t.app.db.kysely);
    expect(verify).toMatchObject({ ok: true, firstBrokenSeq: null });
    const log = (await t.json('GET', `/api/v1/audit?entity=contact&entityId=${id}`, t.admin)).body.data;
    expect(log.map((e: any) => e.action)).toEqual(['erase', 'update', 'create']);
    expect(log[0]).toMatchObject({ actorName: 'Administrator', after: { erased: true, contactDeleted: true } });
    expect(log[2].after).toEqual({ erased: true });
    expect(JSON.stringify(log[0])).not.toContain('Quux');

    // Other people's records and history are untouched.
    const other = (await t.json('GET', `/api/v1/contacts/${otherId}`, t.admin)).body;
    expect(other.displayName).toBe('Other Person');
    expect((await t.json('GET', `/api/v1/interactions?contactId=${otherId}`, t.admin)).body.data).toHaveLength(1);
    expect((await t.json('GET', `/api/v1/audit?entity=contact&entityId=${otherId}`, t.admin)).body.data[0].after.displayName).toBe('Other Person');
    expect((await t.json('GET', '/api/v1/companies?q=Quux', t.admin)).body.data).toHaveLength(1);

    // New entries chain onto the rewritten log.
    await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'After Erasure' });
    expect((await verifyAudit(t.app.db.kysely)).ok).toBe(true);
  });
});
