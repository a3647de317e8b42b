// Reading the outbox: each consumer (webhooks, later journeys and scoring) keeps its own position,
// so every consumer sees every event once. Events younger than the lag are left for the next round,
// so a transaction that committed late with an earlier id is not skipped. The handler writes through the
// same transaction as the position, so its work and the cursor move together.
import type { Db, DbOrTrx } from '../db/database.js';

export interface DomainEvent {
  id: string;
  type: string;
  entity: string;
  entityId: string;
  payload: unknown;
  createdAt: string;
  /** The bulk operation that wrote it ("import:<id>"), null for a single change: see bulk-events.ts. */
  bulk: string | null;
}

export const outboxLagMs = () => Number(process.env.RAPPORT_OUTBOX_LAG_MS ?? 2000);

export async function consumeEvents(db: Db, consumer: string, handle: (events: DomainEvent[], trx: DbOrTrx) => Promise<void>, batch = 200): Promise<number> {
  return db.kysely.transaction().execute(async (trx) => {
    const pos = await trx.selectFrom('outboxCursors').select('lastId').where('consumer', '=', consumer).executeTakeFirst();
    const lastId = pos?.lastId ?? '';
    const until = new Date(Date.now() - outboxLagMs()).toISOString();
    const rows = await trx.selectFrom('outbox').selectAll().where('id', '>', lastId).where('createdAt', '<=', until).orderBy('id').limit(batch).execute();
    if (rows.length === 0) return 0;
    await handle(rows.map((r) => ({ id: r.id, type: r.type, entity: r.entity, entityId: r.entityId, payload: JSON.parse(r.payload), createdAt: r.createdAt, bulk: r.bulk })), trx);
    const newLast = rows[rows.length - 1]!.id;
    // The conditional update makes two workers racing on the same batch safe: only one moves the cursor.
    if (pos) {
      const res = await trx.updateTable('outboxCursors').set({ lastId: newLast }).where('consumer', '=', consumer).where('lastId', '=', lastId).executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw new Error(`outbox consumer ${consumer} raced; retrying`);
    } else {
      await trx.insertInto('outboxCursors').values({ consumer, lastId: newLast }).execute();
    }
    return rows.length;
  });
}
