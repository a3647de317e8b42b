// Applies one bulk action to one batch of contact ids in one transaction: only the rows the actor may see are
// changed (the others are counted as skipped), each change audited with the fields it changed, events written.
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import { canSee, type Actor } from '../../../core/auth/actor.js';
import { writeAuditBatch, type AuditEntry } from '../../../core/audit/audit-log.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { emitBulkEvents, wantedBulkTypes } from '../../../core/events/bulk-events.js';
import { nowIso } from '../../../core/ids.js';
import { loadTags } from '../tags.js';
import { removeContactRecord } from '../contact-merge-support.js';
import { mapContactRows, type ContactRow } from '../contact-repository.js';
import type { Contact } from '../schemas.js';
import type { BulkAction, BulkCounts } from './bulk-schemas.js';

export interface BatchOptions {
  /** Set for a large run (a job): per-record events only for subscribers that opted in, and one summary at the end. */
  bulk?: string;
  /** The owner's team, resolved once for the run (assignOwner). */
  ownerTeamId?: string | null;
}

type Fields = Record<string, unknown>;

export async function applyBulkBatch(db: Db, actor: Actor, ids: string[], action: BulkAction, opts: BatchOptions = {}): Promise<BulkCounts> {
  const unique = [...new Set(ids)];
  return db.kysely.transaction().execute(async (trx) => {
    const rows = unique.length ? await trx.selectFrom('contacts').select(['id', 'ownerId', 'teamId', 'lifecycleStage']).where('id', 'in', unique).execute() : [];
    // Visibility is the edit right on contacts: a forged id of another team's contact is skipped, not changed.
    const mine = rows.filter((r) => canSee(actor, r));
    const tags = await loadTags(trx, 'contact', mine.map((r) => r.id));
    const now = nowIso();
    const changes: { id: string; before: Fields; after: Fields }[] = [];
    const changedIds: string[] = [];
    for (const r of mine) {
      const current = tags.get(r.id) ?? [];
      if (action.type === 'assignOwner' && r.ownerId !== action.ownerId) changes.push({ id: r.id, before: { ownerId: r.ownerId, teamId: r.teamId }, after: { ownerId: action.ownerId, teamId: action.ownerId ? (opts.ownerTeamId ?? null) : null } });
      else if (action.type === 'setLifecycleStage' && r.lifecycleStage !== action.lifecycleStage) changes.push({ id: r.id, before: { lifecycleStage: r.lifecycleStage }, after: { lifecycleStage: action.lifecycleStage } });
      else if (action.type === 'addTag' && !current.includes(action.tag)) changes.push({ id: r.id, before: { tags: current }, after: { tags: [...current, action.tag].sort() } });
      else if (action.type === 'removeTag' && current.includes(action.tag)) changes.push({ id: r.id, before: { tags: current }, after: { tags: current.filter((x) => x !== action.tag) } });
      else if (action.type === 'delete') changes.push({ id: r.id, before: { ...r, tags: current }, after: {} });
    }
    for (const c of changes) changedIds.push(c.id);
    for (let i = 0; i < changedIds.length; i += 500) {
      const part = changedIds.slice(i, i + 500);
      if (action.type === 'assignOwner') await trx.updateTable('contacts').set({ ownerId: action.ownerId, teamId: action.ownerId ? (opts.ownerTeamId ?? null) : null, updatedAt: now }).where('id', 'in', part).execute();
      if (action.type === 'setLifecycleStage') await trx.updateTable('contacts').set({ lifecycleStage: action.lifecycleStage, updatedAt: now }).where('id', 'in', part).execute();
      if (action.type === 'addTag') {
        await trx.insertInto('tags').values(part.map((entityId) => ({ entity: 'contact', entityId, tag: action.tag }))).execute();
        await trx.updateTable('contacts').set({ updatedAt: now }).where('id', 'in', part).execute();
      }
      if (action.type === 'removeTag') {
        await trx.deleteFrom('tags').where('entity', '=', 'contact').where('tag', '=', action.tag).where('entityId', 'in', part).execute();
        await trx.updateTable('contacts').set({ updatedAt: now }).where('id', 'in', part).execute();
      }
    }
    const deleting = action.type === 'delete';
    // A deleted contact's audit entry keeps the whole record, as a single delete's does.
    const removed = deleting ? new Map((await mapContactRows(trx, await contactRows(trx, changedIds))).map((c) => [c.id, c])) : null;
    // Delete goes through the same path as a merge's removal: tags, search row and the contact (its timeline cascades).
    if (deleting) for (const id of changedIds) await removeContactRecord(trx, id);
    const entries: AuditEntry[] = changes.map((c) => (deleting ? { actorId: actor.id, action: 'delete', entity: 'contact', entityId: c.id, before: removed!.get(c.id) ?? c.before } : { actorId: actor.id, action: 'update', entity: 'contact', entityId: c.id, before: c.before, after: c.after }));
    await writeAuditBatch(trx, db.engine, entries);
    const type = deleting ? 'contact.deleted' : 'contact.updated';
    const wanted = opts.bulk ? await wantedBulkTypes(trx) : null;
    if (changes.length && (!wanted || wanted.has(type))) {
      // contact.updated carries the contact as it now is, like a single change (consumers read payload.contact).
      const fresh = deleting ? new Map<string, Contact>() : new Map((await mapContactRows(trx, await contactRows(trx, changedIds))).map((c) => [c.id, c]));
      const events = changes.map((c) => ({ entityId: c.id, payload: deleting ? { id: c.id } : { contact: fresh.get(c.id), changed: Object.keys(c.after) } }));
      if (opts.bulk) await emitBulkEvents(trx, opts.bulk, wanted!, type, 'contact', events);
      else for (const e of events) await emitEvent(trx, type, 'contact', e.entityId, e.payload);
    }
    return { matched: unique.length, changed: changes.length, skipped: unique.length - mine.length };
  });
}

async function contactRows(trx: DbOrTrx, ids: string[]): Promise<ContactRow[]> {
  const out: ContactRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    out.push(...(await trx.selectFrom('contacts as r').leftJoin('companies as co', 'co.id', 'r.companyId').leftJoin('users as u', 'u.id', 'r.ownerId').selectAll('r').select(['co.name as companyName', 'u.name as ownerName']).where('r.id', 'in', ids.slice(i, i + 500)).execute()));
  }
  return out;
}
