// Writes a batch of scores and answers the contacts' scores before it (for the "big move" events), in the batch's
// transaction. SQLite: two prepared statements on the same connection (building 500-row inserts through the query
// builder cost more than the writes at a million contacts). PostgreSQL: one statement per batch — the batch as
// arrays through unnest into insert … on conflict, with the old scores read by a CTE from the statement's snapshot.
import { sql } from 'kysely';
import type { Db, DbOrTrx } from '../../../core/db/database.js';

export interface ScoreRow {
  contactId: string;
  score: number;
  reasons: string;
}

const UPSERT_SQL = `insert into contact_model_scores (model_id, contact_id, version, score, reasons, scored_at) values (?, ?, ?, ?, ?, ?)
  on conflict (model_id, contact_id) do update set version = excluded.version, score = excluded.score, reasons = excluded.reasons, scored_at = excluded.scored_at`;
const OLD_SQL = 'select contact_id, score from contact_model_scores where model_id = ? and contact_id >= ? and contact_id <= ?';

/** `rows` are ordered by contact id. */
export async function writeScores(db: Db, trx: DbOrTrx, modelId: string, version: number, scoredAt: string, rows: ScoreRow[]): Promise<Map<string, number>> {
  if (!rows.length) return new Map();
  const lo = rows[0]!.contactId, hi = rows[rows.length - 1]!.contactId;
  if (db.sqlite) {
    const old = new Map((db.sqlite.prepare(OLD_SQL).raw().all(modelId, lo, hi) as [string, number][]).map(([id, s]) => [id, Number(s)]));
    const upsert = db.sqlite.prepare(UPSERT_SQL);
    for (const r of rows) upsert.run(modelId, r.contactId, version, r.score, r.reasons, scoredAt);
    return old;
  }
  const ids = rows.map((r) => r.contactId);
  const res = await sql<{ contactId: string; score: number }>`with old as (
      select contact_id, score from contact_model_scores where model_id = ${modelId} and contact_id >= ${lo} and contact_id <= ${hi}
    ), up as (
      insert into contact_model_scores (model_id, contact_id, version, score, reasons, scored_at)
      select ${modelId}, u.c, ${version}, u.s, u.r, ${scoredAt} from unnest(${ids}::text[], ${rows.map((r) => r.score)}::real[], ${rows.map((r) => r.reasons)}::text[]) as u(c, s, r)
      on conflict (model_id, contact_id) do update set version = excluded.version, score = excluded.score, reasons = excluded.reasons, scored_at = excluded.scored_at
    )
    select contact_id, score from old`.execute(trx);
  return new Map(res.rows.map((r) => [r.contactId, Number(r.score)]));
}
