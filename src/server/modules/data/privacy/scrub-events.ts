// Erasure in the event outbox and the webhook delivery log, which keep copies of what was sent about the person.
import type { DbOrTrx, Engine } from '../../../core/db/database.js';
import { containsAny, scrubText, type PersonalData } from './personal-data.js';
import { ERASED_DOC } from './rewrite-audit-chain.js';

const chunks = <T>(xs: T[], n = 500) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

export async function scrubEvents(trx: DbOrTrx, engine: Engine, fullIds: string[], pd: PersonalData): Promise<number> {
  let n = 0;
  const aboutThem: string[] = [];
  for (const ids of chunks(fullIds)) {
    const rows = await trx.selectFrom('outbox').select('id').where('entityId', 'in', ids).execute();
    aboutThem.push(...rows.map((r) => r.id));
  }
  for (const ids of chunks(aboutThem)) {
    n += Number((await trx.updateTable('outbox').set({ payload: ERASED_DOC }).where('id', 'in', ids).executeTakeFirst()).numUpdatedRows);
    await trx.updateTable('webhookDeliveries').set({ body: ERASED_DOC }).where('eventId', 'in', ids).execute();
  }
  for (const r of await trx.selectFrom('outbox').select(['id', 'payload']).where(containsAny(engine, 'payload', pd.needles)).execute()) {
    await trx.updateTable('outbox').set({ payload: scrubText(r.payload, pd.scrub) }).where('id', '=', r.id).execute();
    n++;
  }
  for (const r of await trx.selectFrom('webhookDeliveries').select(['id', 'body']).where(containsAny(engine, 'body', pd.needles)).execute()) {
    await trx.updateTable('webhookDeliveries').set({ body: scrubText(r.body, pd.scrub) }).where('id', '=', r.id).execute();
  }
  return n;
}
