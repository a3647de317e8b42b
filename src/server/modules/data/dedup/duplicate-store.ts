// The queue of suggested duplicate pairs: saving a detection run (dismissed and merged pairs keep their decision),
// listing best-first, dismissing, and closing the pairs a merge resolved.
import type { DbOrTrx, Engine } from '../../../core/db/database.js';
import { newId, nowIso } from '../../../core/ids.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { AppError, notFound } from '../../../core/errors.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { FoundPair } from './find-duplicates.js';
import { namesHiddenRecord } from './record-visibility.js';

const CHUNK = 500;

export interface SaveResult {
  inserted: number;
  updated: number;
  removed: number;
  kept: number;
}

/** Writes one run's pairs: new ones open, open ones re-scored, open ones no longer found removed; decisions stay. */
export async function saveDetectedPairs(db: DbOrTrx, entity: 'contact' | 'company', pairs: FoundPair[]): Promise<SaveResult> {
  return db.transaction().execute(async (trx) => {
    const existing = new Map<string, { id: string; status: string; score: number }>();
    for (const r of await trx.selectFrom('duplicatePairs').select(['id', 'aId', 'bId', 'status', 'score']).where('entity', '=', entity).execute()) existing.set(`${r.aId}|${r.bId}`, r);
    const now = nowIso();
    const fresh = [];
    const result: SaveResult = { inserted: 0, updated: 0, removed: 0, kept: 0 };
    const found = new Set<string>();
    for (const p of pairs) {
      const key = `${p.aId}|${p.bId}`;
      found.add(key);
      const old = existing.get(key);
      if (!old) fresh.push({ id: newId(), entity, aId: p.aId, bId: p.bId, score: p.score, reasons: JSON.stringify(p.reasons), status: 'open' as const, detectedAt: now, decidedBy: null, decidedAt: null });
      else if (old.status !== 'open') result.kept++;
      else if (old.score !== p.score) {
        await trx.updateTable('duplicatePairs').set({ score: p.score, reasons: JSON.stringify(p.reasons), detectedAt: now }).where('id', '=', old.id).execute();
        result.updated++;
      }
    }
    for (let i = 0; i < fresh.length; i += CHUNK) await trx.insertInto('duplicatePairs').values(fresh.slice(i, i + CHUNK)).execute();
    result.inserted = fresh.length;
    const stale = [...existing].filter(([k, v]) => v.status === 'open' && !found.has(k)).map(([, v]) => v.id);
    for (let i = 0; i < stale.length; i += CHUNK) await trx.deleteFrom('duplicatePairs').where('id', 'in', stale.slice(i, i + CHUNK)).execute();
    result.removed = stale.length;
    return result;
  });
}

export async function dismissPair(db: DbOrTrx, engine: Engine, actor: Actor, id: string) {
  const actorId = actor.id;
  return db.transaction().execute(async (trx) => {
    const pair = await trx.selectFrom('duplicatePairs').selectAll().where('id', '=', id).executeTakeFirst();
    // A pair naming a record the actor may not see is not found, like that record.
    if (!pair || (await namesHiddenRecord(trx, actor, pair.entity, [pair.aId, pair.bId]))) throw notFound('Duplicate pair');
    if (pair.status === 'merged') throw new AppError('conflict', 'These records were merged already; undo the merge instead');
    if (pair.status === 'dismissed') return pair;
    const decided = { status: 'dismissed' as const, decidedBy: actorId, decidedAt: nowIso() };
    await trx.updateTable('duplicatePairs').set(decided).where('id', '=', id).execute();
    await writeAudit(trx, engine, { actorId, action: 'update', entity: 'duplicate_pair', entityId: id, before: { status: pair.status }, after: { status: 'dismissed', aId: pair.aId, bId: pair.bId } });
    return { ...pair, ...decided };
  });
}

/** After a merge: pairs among the merged records are resolved, pairs of a merged record with others now concern the survivor. */
export async function resolvePairsOnMerge(trx: DbOrTrx, entity: 'contact' | 'company', survivorId: string, mergedIds: string[], actorId: string): Promise<void> {
  const all = [survivorId, ...mergedIds];
  const now = nowIso();
  await trx
    .updateTable('duplicatePairs')
    .set({ status: 'merged', decidedBy: actorId, decidedAt: now })
    .where('entity', '=', entity)
    .where('aId', 'in', all)
    .where('bId', 'in', all)
    .execute();
  // Open pairs that still name a merged record are stale: the next detection run finds them again via the survivor.
  await trx.deleteFrom('duplicatePairs').where('entity', '=', entity).where('status', '=', 'open').where((eb) => eb.or([eb('aId', 'in', mergedIds), eb('bId', 'in', mergedIds)])).execute();
}

/** After an undo: the pairs the merge resolved are open again. */
export async function reopenPairsOnUndo(trx: DbOrTrx, entity: 'contact' | 'company', survivorId: string, mergedIds: string[]): Promise<void> {
  const all = [survivorId, ...mergedIds];
  await trx.updateTable('duplicatePairs').set({ status: 'open', decidedBy: null, decidedAt: null }).where('entity', '=', entity).where('status', '=', 'merged').where('aId', 'in', all).where('bId', 'in', all).execute();
}
