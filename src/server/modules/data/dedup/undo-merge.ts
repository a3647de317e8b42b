// Undoing a merge: the merged contacts come back exactly as they were (row, tags, search entry), their related
// records move back to them, and the survivor's fields return to their old values unless edited since the merge.
// Company merges share the merges table and this entry point; undo-company-merge.ts does their part.
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { AppError, notFound } from '../../../core/errors.js';
import { nowIso } from '../../../core/ids.js';
import { writeAudit, changedFields } from '../../../core/audit/audit-log.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { consentEventRows, consentFromRow, writeConsentEvents, contactDataParticipants, loadContactRecords, readContact, restoreContactRecord, rewriteContactRecord } from '../../customers/index.js';
import { reopenPairsOnUndo } from './duplicate-store.js';
import { toMerge, type Merge, type MergeSnapshot } from './merge-contacts.js';
import { revertedSurvivor } from './revert-survivor.js';
import { undoCompanyMerge } from './undo-company-merge.js';
import { revertedConsent } from './merge-gaps.js';
import { namesHiddenRecord } from './record-visibility.js';

export async function undoMerge(db: Db, actor: Actor, mergeId: string): Promise<Merge> {
  return db.kysely.transaction().execute(async (trx) => {
    const m = await trx.selectFrom('merges').selectAll().where('id', '=', mergeId).executeTakeFirst();
    // The merger may since have lost sight of the survivor (moved to another team): then it is not found.
    if (!m || (await namesHiddenRecord(trx, actor, m.entity, [m.survivorId]))) throw notFound('Merge');
    if (actor.role !== 'admin' && m.mergedBy !== actor.id) throw new AppError('forbidden', 'Only an administrator or the person who merged can undo a merge');
    if (m.undoneAt) throw new AppError('conflict', `This merge was already undone at ${m.undoneAt}`);
    if (m.entity === 'company') {
      const undone = { undoneAt: nowIso(), undoneBy: actor.id };
      await undoCompanyMerge(trx, db, actor, m, undone.undoneAt);
      await trx.updateTable('merges').set(undone).where('id', '=', mergeId).execute();
      return toMerge({ ...m, ...undone });
    }
    const snap = JSON.parse(m.snapshot) as MergeSnapshot;
    const mergedIds = snap.merged.map((s) => s.row.id);
    const [current] = await loadContactRecords(trx, [m.survivorId]);
    if (!current) throw new AppError('conflict', 'The surviving contact has been deleted since the merge, so the merge cannot be undone');
    if ((await loadContactRecords(trx, mergedIds)).length) throw new AppError('conflict', 'A merged contact exists again; this merge cannot be undone twice');
    const before = (await readContact(trx, m.survivorId))!;
    // The survivor first: it may hold an external id that a restored contact takes back.
    const reverted = revertedConsent(revertedSurvivor(current, snap), current.row, snap);
    await rewriteContactRecord(trx, db.engine, reverted.row, reverted.tags);
    // Consent history is append-only: the undo is a new row, never a deleted one.
    await writeConsentEvents(trx, consentEventRows(m.survivorId, consentFromRow(current.row), consentFromRow(reverted.row), { source: 'merge_undo', detail: mergeId, actorId: actor.id, at: nowIso() }));
    for (const s of snap.merged) await restoreContactRecord(trx, db.engine, s.row, s.tags);
    for (const [key, perContact] of Object.entries(snap.moved)) {
      // A participant that is no longer installed has nothing to move back.
      const p = contactDataParticipants().find((x) => x.key === key);
      if (p) for (const [contactId, ids] of Object.entries(perContact)) if (ids.length) await p.restore(trx, ids, contactId);
    }
    await reopenPairsOnUndo(trx, 'contact', m.survivorId, mergedIds);
    const undone = { undoneAt: nowIso(), undoneBy: actor.id };
    await trx.updateTable('merges').set(undone).where('id', '=', mergeId).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'merge', entityId: mergeId, before: { undoneAt: null }, after: { undoneAt: undone.undoneAt, restored: mergedIds } });
    const after = (await readContact(trx, m.survivorId))!;
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'contact', entityId: m.survivorId, ...changedFields(before, after) });
    for (const id of mergedIds) {
      const restored = (await readContact(trx, id))!;
      await writeAudit(trx, db.engine, { actorId: actor.id, action: 'create', entity: 'contact', entityId: id, after: restored });
    }
    await emitEvent(trx, 'contact.merge_undone', 'contact', m.survivorId, { mergeId, survivorId: m.survivorId, restoredIds: mergedIds });
    return toMerge({ ...m, ...undone });
  });
}
