// Undoing a company merge: the merged companies come back exactly as they were (row, tags, search entry), their
// contacts and other records move back to them, and the survivor's fields return to their old values unless edited since.
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { AppError } from '../../../core/errors.js';
import { writeAudit, changedFields } from '../../../core/audit/audit-log.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { companyDataParticipants, loadCompanyRecords, readCompany, restoreCompanyRecord, returnCompanyContacts, rewriteCompanyRecord } from '../../customers/index.js';
import { reopenPairsOnUndo } from './duplicate-store.js';
import { CONTACTS_KEY, type CompanyMergeSnapshot } from './merge-companies.js';
import { revertedSurvivor } from './revert-survivor.js';

/** Runs inside undoMerge's transaction, after it checked who may undo and that the merge is not undone yet. */
export async function undoCompanyMerge(trx: DbOrTrx, db: Db, actor: Actor, m: { id: string; survivorId: string; snapshot: string }, undoneAt: string): Promise<void> {
  const snap = JSON.parse(m.snapshot) as CompanyMergeSnapshot;
  const mergedIds = snap.merged.map((s) => s.row.id);
  const [current] = await loadCompanyRecords(trx, [m.survivorId]);
  if (!current) throw new AppError('conflict', 'The surviving company has been deleted since the merge, so the merge cannot be undone');
  if ((await loadCompanyRecords(trx, mergedIds)).length) throw new AppError('conflict', 'A merged company exists again; this merge cannot be undone twice');
  const before = (await readCompany(trx, m.survivorId))!;
  for (const s of snap.merged) await restoreCompanyRecord(trx, db.engine, s.row, s.tags);
  for (const [key, perCompany] of Object.entries(snap.moved)) {
    if (key === CONTACTS_KEY) {
      for (const [companyId, ids] of Object.entries(perCompany)) if (ids.length) await returnCompanyContacts(trx, db.engine, ids, m.survivorId, companyId);
      continue;
    }
    // A participant that is no longer installed has nothing to move back.
    const p = companyDataParticipants().find((x) => x.key === key);
    if (p) for (const [companyId, ids] of Object.entries(perCompany)) if (ids.length) await p.restore(trx, ids, companyId);
  }
  // The survivor last, so its contacts are re-indexed under the name it gets back.
  const reverted = revertedSurvivor(current, snap);
  await rewriteCompanyRecord(trx, db.engine, reverted.row, reverted.tags);
  await reopenPairsOnUndo(trx, 'company', m.survivorId, mergedIds);
  await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'merge', entityId: m.id, before: { undoneAt: null }, after: { undoneAt, restored: mergedIds } });
  const after = (await readCompany(trx, m.survivorId))!;
  await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'company', entityId: m.survivorId, ...changedFields(before, after) });
  for (const id of mergedIds) await writeAudit(trx, db.engine, { actorId: actor.id, action: 'create', entity: 'company', entityId: id, after: (await readCompany(trx, id))! });
  await emitEvent(trx, 'company.merge_undone', 'company', m.survivorId, { mergeId: m.id, survivorId: m.survivorId, restoredIds: mergedIds });
}
