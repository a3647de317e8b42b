// Static snapshots of a segment for a campaign: the members the caller may see at this moment, stored by id.
import { sql } from 'kysely';
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { notFound } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import { contactScopeSql } from '../../customers/index.js';
import { findSegmentRow, segmentCondition } from './segment-conditions.js';
import type { Snapshot } from './segment-schemas.js';

export async function snapshotSegment(db: Db, actor: Actor, segmentId: string): Promise<Snapshot> {
  const seg = await findSegmentRow(db.kysely, segmentId);
  if (!seg) throw notFound('Segment');
  const cond = await segmentCondition(db, seg);
  const id = newId();
  const createdBy = actor.id === 'system' ? null : actor.id;
  const createdAt = nowIso();
  return db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('segmentSnapshots').values({ id, segmentId, memberCount: 0, createdBy, createdAt }).execute();
    await sql`insert into segment_snapshot_members (snapshot_id, contact_id) select ${id}, r.id from contacts r where ${contactScopeSql(db, actor, true)} and ${cond}`.execute(trx);
    const n = Number((await trx.selectFrom('segmentSnapshotMembers').select((eb) => eb.fn.countAll<number>().as('n')).where('snapshotId', '=', id).executeTakeFirstOrThrow()).n);
    await trx.updateTable('segmentSnapshots').set({ memberCount: n }).where('id', '=', id).execute();
    return { id, segmentId, memberCount: n, createdBy, createdAt };
  });
}

export async function listSnapshots(db: Db, segmentId: string): Promise<Snapshot[]> {
  if (!(await findSegmentRow(db.kysely, segmentId))) throw notFound('Segment');
  return db.kysely.selectFrom('segmentSnapshots').selectAll().where('segmentId', '=', segmentId).orderBy('createdAt', 'desc').limit(200).execute();
}

/** A snapshot's contact ids in pages (for a campaign send): after `afterId`, at most `limit`. */
export async function snapshotMemberIds(db: DbOrTrx, snapshotId: string, afterId = '', limit = 1000): Promise<string[]> {
  const rows = await db.selectFrom('segmentSnapshotMembers').select('contactId').where('snapshotId', '=', snapshotId).where('contactId', '>', afterId).orderBy('contactId').limit(limit).execute();
  return rows.map((r) => r.contactId);
}
