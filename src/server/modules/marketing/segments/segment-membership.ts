// Keeps the stored members of segments current and reports the change: a full evaluation diffs the rules' contacts
// against segment_members in SQL; an incremental one does the same for a few changed contacts (rules AND r.id in …).
// Every entry and exit is a segment.entered / segment.left event in the outbox, in the same transaction.
import { sql } from 'kysely';
import type { Db, DbOrTrx, Engine } from '../../../core/db/database.js';
import { nowIso } from '../../../core/ids.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { emitBulkEvents, wantedBulkTypes } from '../../../core/events/bulk-events.js';
import { compiledRules } from './segment-conditions.js';

interface Evaluated {
  id: string;
  name: string;
  rules: string;
  evaluatedAt: string | null;
}

const CHUNK = 500;
const idList = (ids: string[]) => sql.join(ids.map((id) => sql`${id}`));

async function applyChanges(trx: DbOrTrx, seg: Evaluated, entered: string[], left: string[], bulk: boolean): Promise<void> {
  const at = nowIso();
  for (let i = 0; i < entered.length; i += CHUNK) {
    await trx.insertInto('segmentMembers').values(entered.slice(i, i + CHUNK).map((contactId) => ({ segmentId: seg.id, contactId, addedAt: at }))).onConflict((oc) => oc.doNothing()).execute();
  }
  for (let i = 0; i < left.length; i += CHUNK) await trx.deleteFrom('segmentMembers').where('segmentId', '=', seg.id).where('contactId', 'in', left.slice(i, i + CHUNK)).execute();
  const payload = (contactId: string) => ({ segmentId: seg.id, segmentName: seg.name, contactId });
  if (bulk) {
    // The first evaluation of a new segment is a bulk operation: its events go only to subscribers that opted in.
    const wanted = await wantedBulkTypes(trx);
    await emitBulkEvents(trx, `segment:${seg.id}`, wanted, 'segment.entered', 'contact', entered.map((id) => ({ entityId: id, payload: payload(id) })));
    await emitBulkEvents(trx, `segment:${seg.id}`, wanted, 'segment.left', 'contact', left.map((id) => ({ entityId: id, payload: payload(id) })));
  } else {
    for (const id of entered) await emitEvent(trx, 'segment.entered', 'contact', id, payload(id));
    for (const id of left) await emitEvent(trx, 'segment.left', 'contact', id, payload(id));
  }
}

/** Evaluates one segment in full: stores its members, emits the differences, clears its stale mark. */
export async function evaluateSegment(db: Db, segmentId: string): Promise<{ entered: number; left: number } | null> {
  return db.kysely.transaction().execute(async (trx) => {
    const seg = await trx.selectFrom('segments').select(['id', 'name', 'rules', 'kind', 'evaluatedAt']).where('id', '=', segmentId).executeTakeFirst();
    if (!seg) return null;
    const cond = await compiledRules(trx, db.engine, seg.rules);
    const entered = (await sql<{ id: string }>`select r.id from contacts r where ${cond} and r.id not in (select m.contact_id from segment_members m where m.segment_id = ${seg.id})`.execute(trx)).rows.map((r) => r.id);
    const left = (await sql<{ id: string }>`select m.contact_id as id from segment_members m where m.segment_id = ${seg.id} and m.contact_id not in (select r.id from contacts r where ${cond})`.execute(trx)).rows.map((r) => r.id);
    await applyChanges(trx, seg, entered, left, seg.evaluatedAt === null);
    const count = await trx.selectFrom('segmentMembers').select((eb) => eb.fn.countAll<number>().as('n')).where('segmentId', '=', seg.id).executeTakeFirstOrThrow();
    await trx.updateTable('segments').set({ memberCount: Number(count.n), stale: 0, evaluatedAt: nowIso() }).where('id', '=', seg.id).execute();
    return { entered: entered.length, left: left.length };
  });
}

/** Re-tests only these contacts against every evaluated dynamic segment (inside the event consumer's transaction). */
export async function evaluateContacts(trx: DbOrTrx, engine: Engine, contactIds: string[]): Promise<number> {
  if (contactIds.length === 0) return 0;
  const segments = await trx.selectFrom('segments').select(['id', 'name', 'rules', 'evaluatedAt']).where('kind', '=', 'dynamic').where('stale', '=', 0).execute();
  let changes = 0;
  for (const seg of segments) {
    const cond = await compiledRules(trx, engine, seg.rules);
    for (let i = 0; i < contactIds.length; i += CHUNK) {
      const ids = contactIds.slice(i, i + CHUNK);
      const now = new Set((await sql<{ id: string }>`select r.id from contacts r where r.id in (${idList(ids)}) and ${cond}`.execute(trx)).rows.map((r) => r.id));
      const before = new Set((await trx.selectFrom('segmentMembers').select('contactId').where('segmentId', '=', seg.id).where('contactId', 'in', ids).execute()).map((r) => r.contactId));
      const entered = [...now].filter((id) => !before.has(id));
      const left = [...before].filter((id) => !now.has(id));
      if (!entered.length && !left.length) continue;
      await applyChanges(trx, seg, entered, left, false);
      await trx.updateTable('segments').set((eb) => ({ memberCount: eb('memberCount', '+', entered.length - left.length) })).where('id', '=', seg.id).execute();
      changes += entered.length + left.length;
    }
  }
  return changes;
}

/** Marks segments for a full evaluation in the next background round (all dynamic ones when no id is given). */
export async function markStale(db: DbOrTrx, ids?: string[]): Promise<void> {
  let q = db.updateTable('segments').set({ stale: 1 }).where('kind', '=', 'dynamic');
  if (ids) q = q.where('id', 'in', ids);
  await q.execute();
}
