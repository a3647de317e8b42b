// Migration to the consent model: per channel a status (the consent_<channel> column: 1 granted, 0 unknown,
// -1 withdrawn), its source and time (consent_detail JSON), and the append-only consent_events history.
import { sql } from 'kysely';
import type { MigrationSet } from '../../core/db/migrate.js';
import { newId, nowIso } from '../../core/ids.js';

// The handle maps camelCase to the snake_case columns (CamelCasePlugin), as everywhere else.
const channels = [['email', 'consentEmail'], ['sms', 'consentSms'], ['phone', 'consentPhone']] as const;

export const consentMigrations: MigrationSet = {
  '0069-consent-status-history': {
    async up(db) {
      await db.schema.alterTable('contacts').addColumn('consent_detail', 'text').execute();
      await db.schema
        .createTable('consent_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('contact_id', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('previous_status', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('detail', 'text')
        .addColumn('actor_id', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('consent_events_contact').on('consent_events').columns(['contact_id', 'at']).execute();
      // The old booleans could not say "opted out": true becomes granted, false stays unknown. When it was granted is
      // not known, so the time stays empty and the history row carries the migration's time.
      const part = (ch: string, col: string) => sql.raw(`case when ${col} = 1 then '"${ch}":{"source":"migrated","at":null}' else null end`);
      await sql`update contacts set consent_detail = '{' || concat_ws(',', ${part('email', 'consent_email')}, ${part('sms', 'consent_sms')}, ${part('phone', 'consent_phone')}) || '}'
        where consent_email = 1 or consent_sms = 1 or consent_phone = 1`.execute(db);
      const at = nowIso();
      let after = '';
      for (;;) {
        const rows = await db.selectFrom('contacts').select(['id', 'consentEmail', 'consentSms', 'consentPhone']).where('id', '>', after)
          .where((eb: any) => eb.or([eb('consentEmail', '=', 1), eb('consentSms', '=', 1), eb('consentPhone', '=', 1)])).orderBy('id').limit(2000).execute();
        if (!rows.length) break;
        const events = rows.flatMap((r: Record<string, unknown>) =>
          channels.filter(([, col]) => Number(r[col]) === 1).map(([ch]) => ({ id: newId(), contactId: r.id, channel: ch, status: 'granted', previousStatus: 'unknown', source: 'migrated', detail: null, actorId: null, at })),
        );
        for (let i = 0; i < events.length; i += 500) await db.insertInto('consent_events').values(events.slice(i, i + 500)).execute();
        after = rows[rows.length - 1]!.id as string;
      }
    },
  },
};
