// Web events for the segment bench: BENCH_SEGMENT_EVENTS (10,000,000) raw events over the last 120 days on one site
// — 70 % page views, 10 % clicks, 20 % custom events of eight names — 65 % of them from visitors linked to a contact
// (skewed: a third of the contacts, some of them often), then the daily roll-up job over every finished day. Rows are
// made by the database itself (generate_series / a recursive CTE: JS row building is slow on a loaded machine); the
// table's indexes are dropped while it fills and made again from their own definitions (the migration's, unchanged).
import { sql } from 'kysely';
import type { Db } from '../src/server/core/db/database.js';
import { newId } from '../src/server/core/ids.js';
import { rollUpDays } from '../src/server/modules/marketing/tracking/web-daily.js';

export const EVENT_NAMES = ['trial_started', 'pricing_viewed', 'signup', 'download', 'webinar_joined', 'video_played', 'cart_added', 'checkout_started'];
const PAGES = ['/', '/pricing', '/features', '/blog/crm-tips', '/blog/segments', '/docs/start', '/contact', '/about'];
const DAY = 86_400_000;
const SPAN_DAYS = 120;

async function indexDefinitions(db: Db, table: string): Promise<{ name: string; sql: string }[]> {
  if (db.engine === 'sqlite') return (await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'index' and tbl_name = ${table} and sql is not null`.execute(db.kysely)).rows;
  return (await sql<{ name: string; sql: string }>`select indexname as name, indexdef as sql from pg_indexes where tablename = ${table} and schemaname = current_schema() and indexname not like '%_pkey'`.execute(db.kysely)).rows;
}

/** The events' columns from a row number i and three random numbers r1..r3 in [0, 1): the same SQL on both engines. */
function eventColumns(total: number, startMs: number, third: number, pgsql: boolean) {
  const names = EVENT_NAMES.map((n, i) => `when ${i} then '${n}'`).join(' ');
  const pages = PAGES.map((p, i) => `when ${i} then '${p}'`).join(' ');
  const span = SPAN_DAYS * DAY;
  return {
    at: `${startMs} + floor((i + r1) * ${span / total})`,
    identified: 'r1 < 0.65',
    // An integer on PostgreSQL (bigint = double would scan bench_ct); on SQLite a CAST keeps the planner off bench_ct's
    // index (each of the 10M rows would scan it), while floor() compares with the integer keys through it.
    contactK: pgsql ? `cast(floor(r2 * r2 * ${third}) as bigint)` : `floor(r2 * r2 * ${third})`,
    anonymous: 'floor(r2 * 200000)',
    kind: `case when r3 < 0.7 then 'page' when r3 < 0.8 then 'click' else 'event' end`,
    // Event names skewed: trial_started the rarest (1/64 of custom events), checkout_started the most common.
    name: `case when r3 < 0.7 then null when r3 < 0.8 then 'cta' else case floor(sqrt((r3 - 0.8) * 5) * 8) ${names} end end`,
    path: `case when r3 < 0.7 then case floor(r1 * 8) ${pages} end end`,
  };
}

export async function seedWebEvents(db: Db, total: number, log: (line: string) => void): Promise<void> {
  const t0 = performance.now();
  const now = Date.now();
  const siteId = newId();
  const startMs = now - SPAN_DAYS * DAY;
  const at0 = new Date(startMs).toISOString();
  await db.kysely.insertInto('webSites').values({ id: siteId, name: 'Bench site', siteKey: `bench-${siteId}`, secret: 'unused', allowedOrigins: '[]', requireConsent: 0, enabled: 1, createdAt: at0, updatedAt: at0 }).execute();
  const pgsql = db.engine === 'postgres';
  await sql.raw(`create ${pgsql ? 'temporary' : 'temp'} table bench_ct as select row_number() over (order by created_at, id) - 1 as k, id from contacts`).execute(db.kysely);
  await sql.raw('create unique index bench_ct_k on bench_ct (k)').execute(db.kysely);
  const third = Math.floor(Number((await sql<{ n: number }>`select count(*) as n from bench_ct`.execute(db.kysely)).rows[0]!.n) / 3);
  // A visitor per contact of the browsing third ('v' + site + contact id) and 200,000 anonymous ones ('a' + number).
  const rnd = pgsql ? 'random()' : '((random() & 9007199254740991) / 9007199254740992.0)';
  const series = (n: number) => (pgsql ? `generate_series(0, ${n - 1}) as g(i)` : `(with recursive s(i) as (select 0 union all select i + 1 from s where i < ${n - 1}) select i from s) g`);
  await sql.raw(`insert into web_visitors (id, site_id, visitor_key, contact_id, first_seen_at, last_seen_at, identified_at) select 'v${siteId}' || id, '${siteId}', 'v' || id, id, '${at0}', '${at0}', '${at0}' from bench_ct where k < ${third}`).execute(db.kysely);
  await sql.raw(`insert into web_visitors (id, site_id, visitor_key, contact_id, first_seen_at, last_seen_at, identified_at) select 'a${siteId}' || i, '${siteId}', 'a' || i, null, '${at0}', '${at0}', null from ${series(200_000)}`).execute(db.kysely);
  const indexes = await indexDefinitions(db, 'web_events');
  for (const ix of indexes) await sql`drop index ${sql.ref(ix.name)}`.execute(db.kysely);
  const c = eventColumns(total, startMs, third, pgsql);
  const iso = pgsql ? `to_char(to_timestamp((${c.at}) / 1000.0) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : `strftime('%Y-%m-%dT%H:%M:%fZ', (${c.at}) / 1000.0, 'unixepoch')`;
  const contact = `case when ${c.identified} then (select b.id from bench_ct b where b.k = ${c.contactK}) end`;
  const visitor = `case when ${c.identified} then 'v${siteId}' || (select b.id from bench_ct b where b.k = ${c.contactK}) else 'a${siteId}' || ${pgsql ? `(${c.anonymous})::int` : `cast(${c.anonymous} as int)`} end`;
  for (let done = 0; done < total; done += 1_000_000) {
    const n = Math.min(1_000_000, total - done);
    await sql
      .raw(
        // Materialized, so each row's random numbers are drawn once (a flattened subquery would draw them per use).
        `insert into web_events (id, site_id, visitor_id, contact_id, kind, name, url, path, occurred_at, received_at)
         with x as materialized (select i + ${done} as i, ${rnd} as r1, ${rnd} as r2, ${rnd} as r3 from ${series(n)})
         select '${siteId}.' || ${pgsql ? `lpad(i::text, 9, '0')` : `printf('%09d', i)`}, '${siteId}', ${visitor}, ${contact}, ${c.kind}, ${c.name},
                'https://shop.example.com' || ${c.path}, ${c.path}, ${iso}, ${iso}
         from x`,
      )
      .execute(db.kysely);
    log(`segments: ${(done + n).toLocaleString('en')} web events after ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  await sql.raw('drop table bench_ct').execute(db.kysely);
  const t1 = performance.now();
  for (const ix of indexes) await sql.raw(ix.sql).execute(db.kysely);
  log(`segments: web_events indexes made in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  const t2 = performance.now();
  const rolled = await rollUpDays(db, new Date(now));
  log(`segments: daily roll-up of ${rolled.toLocaleString('en')} rows in ${((performance.now() - t2) / 1000).toFixed(1)} s`);
}
