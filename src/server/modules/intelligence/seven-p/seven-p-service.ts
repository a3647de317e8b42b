// The 7P page's data: per P its buckets with the number of contacts (and a sum: revenue, margin, predicted value or
// buyers), and the contacts of one bucket. Everything over the contacts (and orders) the actor may see.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { pSources, sevenPs, type SevenP } from './seven-p-sources.js';

export async function sevenPOverview(db: DbOrTrx, actor: Actor, now = new Date()) {
  return Promise.all(
    sevenPs.map(async (key) => {
      const src = await pSources[key](db, actor, now);
      const rows = (await sql<{ bucket: string; contacts: number; value: number }>`select r.bucket, count(distinct r.id) as contacts, sum(r.value) as value from (${src.rows}) r group by r.bucket`.execute(db)).rows;
      const byKey = new Map(rows.map((r) => [String(r.bucket), r]));
      const bars = src.buckets.map((b) => ({ key: b.key, label: b.label ?? null, labelZh: b.labelZh ?? null, min: b.min ?? null, max: b.max ?? null, contacts: Number(byKey.get(b.key)?.contacts ?? 0), value: src.value === 'none' ? null : (b.amount ?? Number(byKey.get(b.key)?.value ?? 0)) }));
      return { key, value: src.value, hasData: bars.some((b) => b.contacts > 0), bars };
    }),
  );
}

export async function sevenPContacts(db: DbOrTrx, actor: Actor, p: SevenP, bucket: string, limit: number, now = new Date()) {
  const src = await pSources[p](db, actor, now);
  const rows = (await sql<{ id: string; displayName: string; value: number }>`select r.id, r.display_name, r.value from (${src.rows}) r where r.bucket = ${bucket} order by r.value desc, r.display_name, r.id limit ${limit}`.execute(db)).rows;
  return rows.map((r) => ({ id: r.id, displayName: r.displayName, value: src.value === 'none' ? null : Number(r.value) }));
}
