// The consent migration on a database holding the old booleans: true becomes granted (source 'migrated', with a
// history row), false becomes unknown (never asked), and nothing becomes withdrawn.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { migrateToLatest } from '../../core/db/migrate.js';
import { migrationSets } from '../../modules.js';

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

describe('migration 0069-consent-status-history', () => {
  it('converts the old consent booleans', async () => {
    const yes = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Old Yes' })).body;
    const no = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Old No' })).body;
    const k = t.app.db.kysely;
    // Back to the schema before the migration, holding booleans as the old code wrote them.
    await sql`drop table consent_events`.execute(k);
    await sql`alter table contacts drop column consent_detail`.execute(k);
    await sql`delete from kysely_migration where name = '0069-consent-status-history'`.execute(k);
    await sql`update contacts set consent_email = 1, consent_sms = 0, consent_phone = 1 where id = ${yes.id}`.execute(k);
    await sql`update contacts set consent_email = 0, consent_sms = 0, consent_phone = 0 where id = ${no.id}`.execute(k);

    expect(await migrateToLatest(t.app.db, migrationSets)).toEqual(['0069-consent-status-history']);
    const y = (await t.json('GET', `/api/v1/contacts/${yes.id}/consent`, t.admin)).body;
    expect(y.current).toEqual({ email: { status: 'granted', source: 'migrated', at: null }, sms: { status: 'unknown', source: null, at: null }, phone: { status: 'granted', source: 'migrated', at: null } });
    expect(y.data.map((e: any) => [e.channel, e.previousStatus, e.status, e.source]).sort()).toEqual([['email', 'unknown', 'granted', 'migrated'], ['phone', 'unknown', 'granted', 'migrated']]);
    const n = (await t.json('GET', `/api/v1/contacts/${no.id}/consent`, t.admin)).body;
    expect(Object.values(n.current).map((s: any) => s.status)).toEqual(['unknown', 'unknown', 'unknown']);
    expect(n.data).toEqual([]);
    expect((await t.json('GET', `/api/v1/contacts/${yes.id}`, t.admin)).body.consent).toEqual({ email: true, sms: false, phone: true });
  });
});
