// Which contacts a segment holds, as a condition on the contacts list (alias "r"): a dynamic segment's rules compiled
// now (always current), a static segment's stored members (its rules until the first evaluation). Registered as the
// contacts list's segmentId and segmentSnapshotId filters, so sort, export and bulk actions take a segment unchanged.
import { sql, type RawBuilder } from 'kysely';
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import { registerContactListFilter } from '../../customers/index.js';
import { compileRules } from './compile-segment.js';
import { loadSegmentFields } from './segment-fields.js';
import { checkRules, type SegmentGroup } from './segment-rules.js';

export interface SegmentRow {
  id: string;
  kind: 'dynamic' | 'static';
  rules: string;
  evaluatedAt: string | null;
}

/** The segment's rules compiled against the current field registry. */
export async function compiledRules(db: Db | DbOrTrx, engine: Db['engine'], rules: SegmentGroup | string, now = new Date()): Promise<RawBuilder<boolean>> {
  const raw: unknown = typeof rules === 'string' ? JSON.parse(rules) : rules;
  const fields = await loadSegmentFields(db, raw);
  const tree = checkRules(fields, raw);
  return compileRules({ engine, now }, fields, tree);
}

export async function segmentCondition(db: Db, segment: SegmentRow): Promise<RawBuilder<boolean>> {
  if (segment.kind === 'static' && segment.evaluatedAt) return sql<boolean>`r.id in (select m.contact_id from segment_members m where m.segment_id = ${segment.id})`;
  return compiledRules(db, db.engine, segment.rules);
}

export async function findSegmentRow(db: DbOrTrx, id: string) {
  return db.selectFrom('segments').selectAll().where('id', '=', id).executeTakeFirst();
}

registerContactListFilter('segmentId', async (db, _actor, value) => {
  const row = await findSegmentRow(db.kysely, value);
  if (!row) throw notFound('Segment');
  return segmentCondition(db, row);
});

registerContactListFilter('segmentSnapshotId', async (db, _actor, value) => {
  const row = await db.kysely.selectFrom('segmentSnapshots').select('id').where('id', '=', value).executeTakeFirst();
  if (!row) throw notFound('Segment snapshot');
  return sql<boolean>`r.id in (select s.contact_id from segment_snapshot_members s where s.snapshot_id = ${value})`;
});
