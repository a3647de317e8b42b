// Applies one bulk action to one batch of contact or company ids in one transaction: only the rows the actor may see
// are changed (the others are counted as skipped), each change audited with the fields it changed, events written.
import type { Db } from '../../../core/db/database.js';
import { canSee, type Actor } from '../../../core/auth/actor.js';
import { writeAuditBatch, type AuditEntry } from '../../../core/audit/audit-log.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { emitBulkEvents, wantedBulkTypes } from '../../../core/events/bulk-events.js';
import { nowIso } from '../../../core/ids.js';
import { loadTags } from '../tags.js';
import type { BulkAction, BulkCounts } from './bulk-schemas.js';
import type { BulkTarget } from './bulk-targets.js';

export interface BatchOptions {
  /** Set for a large run (a job): per-record events only for subscribers that opted in, and one summary at the end. */
  bulk?: string;
  /** The owner's team, resolved once for the run (assignOwner). */
  ownerTeamId?: string | null;
}

type Fields = Record<string, unknown>;
type Row = { id: string; ownerId: string | null; teamId: string | null } & Fields;

/** The columns an owner or stage change writes (null for tag actions and delete). */
function fieldsOf(action: BulkAction, opts: BatchOptions): Fields | null {
  if (action.type === 'assignOwner') return { ownerId: action.ownerId, teamId: action.ownerId ? (opts.ownerTeamId ?? null) : null };
  if (action.type === 'setLifecycleStage') return { lifecycleStage: action.lifecycleStage };
  return null;
}

export async function applyBulkBatch(db: Db, actor: Actor, target: BulkTarget, ids: string[], action: BulkAction, opts: BatchOptions = {}): Promise<BulkCounts> {
  const unique = [...new Set(ids)];
  const { table, entity } = target;
  const set = fieldsOf(action, opts);
  return db.kysely.transaction().execute(async (trx) => {
    const rows = (unique.length ? await trx.selectFrom(table).selectAll().where('id', 'in', unique).execute() : []) as Row[];
    // Visibility is the edit right on contacts and companies: a forged id of another team's record is skipped.
    const visible = rows.filter((r) => canSee(actor, r));
    const blocked = action.type === 'delete' ? await target.undeletable(trx, visible.map((r) => r.id)) : new Set<string>();
    const mine = visible.filter((r) => !blocked.has(r.id));
    const tags = await loadTags(trx, entity, mine.map((r) => r.id));
    const now = nowIso();
    const changes: { id: string; before: Fields; after: Fields }[] = [];
    for (const r of mine) {
      const current = tags.get(r.id) ?? [];
      if (set && Object.entries(set).some(([k, v]) => r[k] !== v)) changes.push({ id: r.id, before: Object.fromEntries(Object.keys(set).map((k) => [k, r[k]])), after: set });
      else if (action.type === 'addTag' && !current.includes(action.tag)) changes.push({ id: r.id, before: { tags: current }, after: { tags: [...current, action.tag].sort() } });
      else if (action.type === 'removeTag' && current.includes(action.tag)) changes.push({ id: r.id, before: { tags: current }, after: { tags: current.filter((x) => x !== action.tag) } });
      else if (action.type === 'delete') changes.push({ id: r.id, before: { ...r, tags: current }, after: {} });
    }
    const changedIds = changes.map((c) => c.id);
    for (let i = 0; i < changedIds.length; i += 500) {
      const part = changedIds.slice(i, i + 500);
      if (action.type === 'addTag') await trx.insertInto('tags').values(part.map((entityId) => ({ entity, entityId, tag: action.tag }))).execute();
      if (action.type === 'removeTag') await trx.deleteFrom('tags').where('entity', '=', entity).where('tag', '=', action.tag).where('entityId', 'in', part).execute();
      if (action.type !== 'delete') await trx.updateTable(table).set({ ...set, updatedAt: now }).where('id', 'in', part).execute();
    }
    const deleting = action.type === 'delete';
    // A deleted record's audit entry keeps the whole record, as a single delete's does.
    const removed = deleting ? new Map((await target.read(trx, changedIds)).map((c) => [c.id, c])) : null;
    if (deleting) for (const id of changedIds) await target.remove(trx, id);
    const entries: AuditEntry[] = changes.map((c) => (deleting ? { actorId: actor.id, action: 'delete', entity, entityId: c.id, before: removed!.get(c.id) ?? c.before } : { actorId: actor.id, action: 'update', entity, entityId: c.id, before: c.before, after: c.after }));
    await writeAuditBatch(trx, db.engine, entries);
    const type = `${entity}.${deleting ? 'deleted' : 'updated'}`;
    const wanted = opts.bulk ? await wantedBulkTypes(trx) : null;
    if (changes.length && (!wanted || wanted.has(type))) {
      // <entity>.updated carries the record as it now is, like a single change (consumers read payload.contact/company).
      const fresh = deleting ? new Map<string, unknown>() : new Map((await target.read(trx, changedIds)).map((c) => [c.id, c]));
      const events = changes.map((c) => ({ entityId: c.id, payload: deleting ? { id: c.id } : { [entity]: fresh.get(c.id), changed: Object.keys(c.after) } }));
      if (opts.bulk) await emitBulkEvents(trx, opts.bulk, wanted!, type, entity, events);
      else for (const e of events) await emitEvent(trx, type, entity, e.entityId, e.payload);
    }
    return { matched: unique.length, changed: changes.length, skipped: unique.length - mine.length };
  });
}
