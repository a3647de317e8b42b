// Segments: create, read (with the caller's visible member count), change and delete. Only the owner, a manager or
// an administrator changes a segment; everyone sees every segment, but only the members their visibility allows.
import { sql, type Selectable } from 'kysely';
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { AppError, notFound } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { countContactList, type RecordCount } from '../../customers/index.js';
import type { SegmentsTable } from '../tables.js';
import { findSegmentRow, segmentCondition } from './segment-conditions.js';
import { compileRules } from './compile-segment.js';
import { checkRules } from './segment-rules.js';
import { loadSegmentFields } from './segment-fields.js';
import type { CreateSegmentBody, PatchSegmentBody, Segment } from './segment-schemas.js';

type Row = Selectable<SegmentsTable>;

/** How many of the segment's members the actor may see: stored members once evaluated, else the rules now. */
export async function visibleMemberCount(db: Db, actor: Actor, row: Row): Promise<RecordCount> {
  const where = row.evaluatedAt ? sql<boolean>`r.id in (select m.contact_id from segment_members m where m.segment_id = ${row.id})` : await segmentCondition(db, row);
  return countContactList(db, actor, { where });
}

async function toSegment(db: Db, actor: Actor, r: Row): Promise<Segment> {
  const owner = r.ownerId ? await db.kysely.selectFrom('users').select('name').where('id', '=', r.ownerId).executeTakeFirst() : undefined;
  return { id: r.id, name: r.name, description: r.description, kind: r.kind, rules: JSON.parse(r.rules), ownerId: r.ownerId, ownerName: owner?.name ?? null, memberCount: await visibleMemberCount(db, actor, r), evaluatedAt: r.evaluatedAt, createdAt: r.createdAt, updatedAt: r.updatedAt };
}

export async function listSegments(db: Db, actor: Actor): Promise<Segment[]> {
  const rows = await db.kysely.selectFrom('segments').selectAll().orderBy('name').orderBy('id').limit(500).execute();
  return Promise.all(rows.map((r) => toSegment(db, actor, r)));
}

export async function getSegment(db: Db, actor: Actor, id: string): Promise<Segment> {
  const row = await findSegmentRow(db.kysely, id);
  if (!row) throw notFound('Segment');
  return toSegment(db, actor, row);
}

/** The live count while a rule is edited is exact up to this many contacts, then an estimate marked as such: it is
 * asked for on every change, and counting 100,000 matches one by one took over half a second at 1M contacts. */
export const PREVIEW_EXACT_CAP = 10_000;

/** How many contacts the actor can see that rules (not yet saved) match: exact up to 10,000, else an estimate. */
export async function previewCount(db: Db, actor: Actor, rules: unknown): Promise<RecordCount> {
  const fields = await loadSegmentFields(db, rules);
  const tree = checkRules(fields, rules);
  return countContactList(db, actor, { where: compileRules({ engine: db.engine, now: new Date() }, fields, tree) }, PREVIEW_EXACT_CAP);
}

export async function createSegment(db: Db, actor: Actor, input: CreateSegmentBody): Promise<Segment> {
  checkRules(await loadSegmentFields(db, input.rules), input.rules);
  const at = nowIso();
  const row: Row = { id: newId(), name: input.name, description: input.description ?? null, rules: JSON.stringify(input.rules), kind: input.kind, ownerId: actor.id === 'system' ? null : actor.id, memberCount: 0, stale: 1, evaluatedAt: null, createdAt: at, updatedAt: at };
  await db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('segments').values(row).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'create', entity: 'segment', entityId: row.id, after: { name: row.name, kind: row.kind, rules: input.rules } });
  });
  return toSegment(db, actor, row);
}

async function editable(db: Db, actor: Actor, id: string): Promise<Row> {
  const row = await findSegmentRow(db.kysely, id);
  if (!row) throw notFound('Segment');
  if (row.ownerId !== actor.id && actor.role !== 'admin' && actor.role !== 'manager') throw new AppError('forbidden', 'Only the segment’s owner, a manager or an administrator can change it');
  return row;
}

export async function updateSegment(db: Db, actor: Actor, id: string, patch: PatchSegmentBody): Promise<Segment> {
  const before = await editable(db, actor, id);
  if (patch.rules) checkRules(await loadSegmentFields(db, patch.rules), patch.rules);
  const rules = patch.rules ? JSON.stringify(patch.rules) : before.rules;
  // New rules, or a static segment turned dynamic, need a full evaluation (which reports who entered and left).
  const reevaluate = rules !== before.rules || (patch.kind === 'dynamic' && before.kind === 'static');
  const values = { ...(patch.name !== undefined && { name: patch.name }), ...(patch.description !== undefined && { description: patch.description }), ...(patch.kind && { kind: patch.kind }), rules, ...(reevaluate && { stale: 1 }), updatedAt: nowIso() };
  await db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('segments').set(values).where('id', '=', id).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'segment', entityId: id, before: { name: before.name, kind: before.kind, rules: JSON.parse(before.rules) }, after: { ...values, rules: JSON.parse(rules) } });
  });
  return getSegment(db, actor, id);
}

export async function deleteSegment(db: Db, actor: Actor, id: string): Promise<void> {
  const before = await editable(db, actor, id);
  await db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom('segmentSnapshotMembers').where('snapshotId', 'in', (eb) => eb.selectFrom('segmentSnapshots').select('id').where('segmentId', '=', id)).execute();
    await trx.deleteFrom('segmentSnapshots').where('segmentId', '=', id).execute();
    await trx.deleteFrom('segmentMembers').where('segmentId', '=', id).execute();
    await trx.deleteFrom('segments').where('id', '=', id).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'delete', entity: 'segment', entityId: id, before: { name: before.name, kind: before.kind, rules: JSON.parse(before.rules) } });
  });
}
