// Consent in imports: an opt-out anywhere in the file or against an existing contact wins (the most restrictive rule),
// with the import as its source and a history row naming the import; other values fill gaps field by field.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { contactsMatching, CSV, runImportToEnd, upload } from './import-test-helpers.js';

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const history = async (id: string) => (await t.json('GET', `/api/v1/contacts/${id}/consent`, t.admin)).body.data as any[];

describe('consent in imports', () => {
  it('collapses an in-file duplicate whose second row opts out into one withdrawn contact, gaps filled from both rows', async () => {
    expect((await t.json('POST', '/api/v1/custom-fields', t.admin, { object: 'contact', key: 'member_no', label: 'Member no', type: 'text' })).status).toBe(201);
    const file = [
      'Name,Email,Email Opt In,Email Opt Out,SMS Opt In,City,Postal Code,Member no',
      'Olga Opt,olga@consent.test,yes,,yes,Berlin,,',
      'Olga Opt,OLGA@consent.test,,true,,,10115,M-1',
    ].join('\n');
    const up = await upload(t, file, CSV);
    expect(up.body.mapping).toMatchObject({ 'Email Opt In': 'consent.email', 'Email Opt Out': 'consent.emailOptOut', 'SMS Opt In': 'consent.sms' });
    const done = await runImportToEnd(t, up.body.id);
    expect(done.progress).toMatchObject({ created: 1, duplicates: 1, failed: 0 });
    const [olga] = await contactsMatching(t, 'olga@consent');
    expect(olga.consentStatus.email).toMatchObject({ status: 'withdrawn', source: 'import' });
    expect(olga.consentStatus.sms).toMatchObject({ status: 'granted', source: 'import' });
    expect(olga.consentStatus.phone).toEqual({ status: 'unknown', source: null, at: null });
    expect(olga.consent).toEqual({ email: false, sms: true, phone: false });
    expect(olga.address).toEqual({ city: 'Berlin', postalCode: '10115' });
    expect(olga.customFields).toEqual({ member_no: 'M-1' });
    expect((await history(olga.id)).map((e) => [e.channel, e.status, e.source, e.detail]).sort()).toEqual([
      ['email', 'withdrawn', 'import', up.body.id],
      ['sms', 'granted', 'import', up.body.id],
    ]);
  });

  it('withdraws a granted contact on a match (退订 = 是) in fill mode too, and never grants over an opt-out', async () => {
    const c = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: '赵雷', emails: ['zhao.lei@consent.test'], address: { city: '杭州' }, consent: { email: true, sms: 'withdrawn' }, consentSource: 'form' })).body;
    const granted = c.consentStatus.email;
    const up = await upload(t, '姓名,邮箱,退订,允许短信,邮编\n赵雷,zhao.lei@consent.test,是,是,310000\n', CSV);
    expect(up.body.mapping).toMatchObject({ 退订: 'consent.emailOptOut', 允许短信: 'consent.sms', 邮编: 'address.postalCode' });
    expect((await runImportToEnd(t, up.body.id)).progress).toMatchObject({ created: 0, updated: 1 });
    const after = (await t.json('GET', `/api/v1/contacts/${c.id}`, t.admin)).body;
    expect(after.consentStatus.email).toMatchObject({ status: 'withdrawn', source: 'import' });
    expect(after.consentStatus.sms).toEqual(c.consentStatus.sms); // the file's yes does not undo the earlier opt-out
    expect(after.address).toEqual({ city: '杭州', postalCode: '310000' });
    const h = await history(c.id);
    expect(h[0]).toMatchObject({ channel: 'email', status: 'withdrawn', previousStatus: 'granted', source: 'import', detail: up.body.id });
    expect(h.filter((e) => e.source === 'import')).toHaveLength(1);
    expect(granted).toMatchObject({ status: 'granted', source: 'form' });

    // Overwrite with a grant: still withdrawn; the audit shows nothing changed for consent.
    const again = await upload(t, 'Name,Email,Email Opt In\n赵雷,zhao.lei@consent.test,yes\n', CSV);
    await runImportToEnd(t, again.body.id, { updateMode: 'overwrite' });
    expect((await t.json('GET', `/api/v1/contacts/${c.id}`, t.admin)).body.consentStatus.email).toEqual(after.consentStatus.email);
  });

  it('exports consent as yes / no / empty with its source and date, and the file imports back to the same statuses', async () => {
    const c = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Round Trip', emails: ['round.trip@consent.test'], consent: { email: 'withdrawn', sms: 'granted' }, consentSource: 'form' })).body;
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/contacts/export?format=csv&q=round.trip&columns=displayName,emails,consentEmail,consentEmailSource,consentEmailAt,consentSms,consentPhone`, headers: t.admin });
    const rows: string[][] = parse(res.rawPayload.subarray(3).toString());
    expect(rows[0]).toEqual(['Name', 'Emails', 'Email consent', 'Email consent source', 'Email consent date', 'SMS consent', 'Phone consent']);
    expect(rows[1]).toEqual(['Round Trip', 'round.trip@consent.test', 'false', 'form', c.consentStatus.email.at, 'true', '']);
    await t.json('DELETE', `/api/v1/contacts/${c.id}`, t.admin);
    const csv = rows.map((r) => r.join(',')).join('\n');
    await runImportToEnd(t, (await upload(t, csv, CSV)).body.id);
    const [back] = await contactsMatching(t, 'round.trip@consent');
    expect([back.consentStatus.email.status, back.consentStatus.sms.status, back.consentStatus.phone.status]).toEqual(['withdrawn', 'granted', 'unknown']);
  });
});
