// Consent and gaps in merges: the most restrictive consent wins whatever the survivor or the picked values, values only
// the merged contact had are kept (address parts, custom fields), and undo restores both contacts' consent exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const get = async (id: string) => (await t.json('GET', `/api/v1/contacts/${id}`, t.admin)).body;
const history = async (id: string) => (await t.json('GET', `/api/v1/contacts/${id}/consent`, t.admin)).body;

describe('consent in merges', () => {
  it('keeps a withdrawal over the survivor\'s grant, fills gaps from the merged contact, and undo restores consent exactly', async () => {
    for (const key of ['vip_level', 'wechat']) expect((await t.json('POST', '/api/v1/custom-fields', t.admin, { object: 'contact', key, label: key, type: 'text' })).status).toBe(201);
    const other = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: '王芳', emails: ['wang.fang@old.example'], address: { street: '南京路 1 号', city: '上海', postalCode: '200001' }, customFields: { wechat: 'wf-88' }, consent: { email: 'granted', sms: 'granted' }, consentSource: 'form' })).body;
    expect(other.consentStatus.email).toMatchObject({ status: 'granted', source: 'form' });
    await t.json('PATCH', `/api/v1/contacts/${other.id}`, t.admin, { consent: { email: false }, consentSource: 'unsubscribe' });
    await sleep(5);
    // The survivor is newer, so its address and custom fields are the defaults the dialog sends; it lacks a postal code and wechat.
    const keep = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: '王芳', emails: ['wang.fang@new.example'], address: { street: '南京路 1 号', city: '上海' }, customFields: { vip_level: 'gold' }, consent: { email: true } })).body;
    expect(keep.consentStatus.email).toMatchObject({ status: 'granted', source: 'user' });
    const [keepBefore, otherBefore] = [await get(keep.id), await get(other.id)];
    expect(otherBefore.consentStatus.email).toMatchObject({ status: 'withdrawn', source: 'unsubscribe' });

    const res = await t.json('POST', '/api/v1/contacts/merge', t.admin, { survivorId: keep.id, mergedIds: [other.id], fields: { address: keep.id, consent: keep.id }, expectedUpdatedAt: { [keep.id]: keep.updatedAt, [other.id]: otherBefore.updatedAt } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const merged = await get(keep.id);
    expect(merged.consentStatus.email).toEqual(otherBefore.consentStatus.email); // withdrawn, with the unsubscribe's source and time
    expect(merged.consent.email).toBe(false);
    expect(merged.consentStatus.sms).toEqual(otherBefore.consentStatus.sms); // granted beats unknown
    expect(merged.address).toEqual({ street: '南京路 1 号', city: '上海', postalCode: '200001' });
    expect(merged.customFields).toEqual({ vip_level: 'gold', wechat: 'wf-88' });
    const h = await history(keep.id);
    expect(h.current).toEqual(merged.consentStatus);
    expect(h.data.filter((e: any) => e.source === 'merge').map((e: any) => [e.channel, e.previousStatus, e.status, e.detail]).sort()).toEqual([
      ['email', 'granted', 'withdrawn', res.body.id],
      ['sms', 'unknown', 'granted', res.body.id],
    ]);

    expect((await t.json('POST', `/api/v1/merges/${res.body.id}/undo`, t.admin)).status).toBe(200);
    expect(await get(keep.id)).toEqual(keepBefore);
    expect(await get(other.id)).toEqual(otherBefore);
    const after = await history(keep.id);
    // Append-only: the merge rows are still there, and the undo wrote its own.
    expect(after.data.filter((e: any) => e.source === 'merge')).toHaveLength(2);
    expect(after.data.filter((e: any) => e.source === 'merge_undo').map((e: any) => [e.channel, e.status]).sort()).toEqual([['email', 'granted'], ['sms', 'unknown']]);
    expect((await history(other.id)).data.map((e: any) => [e.channel, e.status, e.source])).toEqual([['email', 'withdrawn', 'unsubscribe'], ['sms', 'granted', 'form'], ['email', 'granted', 'form']]);
    // The history belongs to the person: in their data export, and gone with an erasure.
    expect((await t.json('GET', `/api/v1/contacts/${other.id}/data-export`, t.admin)).body.related.consent.map((e: any) => e.status)).toEqual(['granted', 'granted', 'withdrawn']);
    expect((await t.json('POST', `/api/v1/contacts/${other.id}/erase`, t.admin, { confirm: 'ERASE' })).body.relatedRecordsErased).toMatchObject({ consent: 3 });
    expect(await t.app.db.kysely.selectFrom('consentEvents').select('id').where('contactId', '=', other.id).execute()).toEqual([]);
  });

  it('applies the rule in the dedup job\'s auto-merge too', async () => {
    const older = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Consent Auto', emails: ['consent.auto@merge.example'], phones: ['+86 139 2000 3000'], consent: { email: 'withdrawn' } })).body;
    await sleep(5);
    const newer = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Consent Auto', emails: ['consent.auto@merge.example'], phones: ['139-2000-3000'], consent: { email: true, phone: true }, address: { postalCode: '100000' } })).body;
    expect((await t.json('PATCH', '/api/v1/dedup/settings', t.admin, { autoMerge: true, autoMergeThreshold: 0.97 })).status).toBe(200);
    expect((await t.runJob('/api/v1/duplicates/detect', {})).job.status).toBe('done');
    await t.json('PATCH', '/api/v1/dedup/settings', t.admin, { autoMerge: false });
    expect((await t.json('GET', `/api/v1/contacts/${newer.id}`, t.admin)).status).toBe(404);
    const survivor = await get(older.id);
    expect(survivor.consentStatus.email).toEqual(older.consentStatus.email);
    expect(survivor.consentStatus.phone).toEqual(newer.consentStatus.phone);
    expect(survivor.address).toEqual({ postalCode: '100000' });
  });

  it('keeps an opt-out when an inbound upsert sends a grant, and records one it sends', async () => {
    const c = (await t.json('POST', '/api/v1/contacts/upsert', t.admin, { displayName: 'Sync Person', externalId: 'crm-77', consent: { email: true } })).body.contact;
    expect(c.consentStatus.email.status).toBe('granted');
    const out = (await t.json('POST', '/api/v1/contacts/upsert', t.admin, { externalId: 'crm-77', consent: { email: 'withdrawn' } })).body.contact;
    expect(out.consentStatus.email).toMatchObject({ status: 'withdrawn', source: 'user' });
    const again = (await t.json('POST', '/api/v1/contacts/upsert', t.admin, { externalId: 'crm-77', consent: { email: true, sms: true } })).body.contact;
    expect(again.consentStatus.email).toEqual(out.consentStatus.email);
    expect(again.consentStatus.sms.status).toBe('granted');
    // A person editing the contact may record a new grant.
    const edited = (await t.json('PATCH', `/api/v1/contacts/${c.id}`, t.admin, { consent: { email: 'granted' } })).body;
    expect(edited.consentStatus.email.status).toBe('granted');
    expect((await history(c.id)).data.filter((e: any) => e.channel === 'email').map((e: any) => e.status)).toEqual(['granted', 'withdrawn', 'granted']);
  });
});
