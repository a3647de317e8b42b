// Merging contacts into one survivor: pick each field's value, move every related record (through the contact data
// participants of other modules), remove the merged contacts, and keep a snapshot so the merge can be undone.
import { z } from 'zod';
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { newId, nowIso } from '../../../core/ids.js';
import { writeAudit, changedFields } from '../../../core/audit/audit-log.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { consentEventRows, consentFromRow, writeConsentEvents, contactDataParticipants, getContact, loadContactRecords, readContact, removeContactRecord, rewriteContactRecord, type Contact, type ContactRecord } from '../../customers/index.js';
import { mergeableFields, mergedRow, type MergeableField } from './merge-fields.js';
import { resolvePairsOnMerge } from './duplicate-store.js';
import { changedMeanwhile, checkExpectedVersions, checkMergeRequest } from './merge-request.js';

export const mergeBody = z.strictObject({
  survivorId: z.string().min(1).max(100),
  mergedIds: z.array(z.string().min(1).max(100)).min(1).max(20),
  fields: z.partialRecord(z.enum(mergeableFields), z.string().min(1).max(100)).optional(),
  /** The `updatedAt` of each contact as the client saw it; a contact changed since makes the merge a 409. */
  expectedUpdatedAt: z.record(z.string().min(1).max(100), z.string().max(40)).optional(),
});
export type MergeBody = z.infer<typeof mergeBody>;

export interface MergeSnapshot {
  survivor: { row: ContactRecord; tags: string[] };
  survivorAfter: { row: ContactRecord; tags: string[] };
  merged: { row: ContactRecord; tags: string[] }[];
  /** participant key → merged contact id → ids of the records moved to the survivor. */
  moved: Record<string, Record<string, string[]>>;
}

export const mergeSchema = z.object({
  id: z.string(),
  entity: z.enum(['contact', 'company']),
  survivorId: z.string(),
  mergedIds: z.array(z.string()),
  moved: z.record(z.string(), z.number()),
  mergedBy: z.string().nullable(),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
  undoneBy: z.string().nullable(),
});
export type Merge = z.infer<typeof mergeSchema>;

export function toMerge(r: { id: string; entity?: 'contact' | 'company'; survivorId: string; mergedIds: string; snapshot: string; mergedBy: string | null; createdAt: string; undoneAt: string | null; undoneBy: string | null }): Merge {
  const snap = JSON.parse(r.snapshot) as Pick<MergeSnapshot, 'moved'>;
  const moved: Record<string, number> = {};
  for (const [k, per] of Object.entries(snap.moved)) moved[k] = Object.values(per).reduce((n, ids) => n + ids.length, 0);
  return { id: r.id, entity: r.entity ?? 'contact', survivorId: r.survivorId, mergedIds: JSON.parse(r.mergedIds), moved, mergedBy: r.mergedBy, createdAt: r.createdAt, undoneAt: r.undoneAt, undoneBy: r.undoneBy };
}


export async function mergeContacts(db: Db, actor: Actor, body: MergeBody): Promise<Merge> {
  checkMergeRequest(body, 'contact');
  // Every contact must be visible to the actor (404 otherwise, like any other read).
  const before = await getContact(db, actor, body.survivorId);
  const mergedViews: Contact[] = [];
  for (const id of body.mergedIds) mergedViews.push(await getContact(db, actor, id));
  checkExpectedVersions([before, ...mergedViews], body.expectedUpdatedAt, 'contact');
  const id = newId();
  return db.kysely.transaction().execute(async (trx) => {
    const snaps = await loadContactRecords(trx, [body.survivorId, ...body.mergedIds]);
    if (snaps.length !== body.mergedIds.length + 1) throw changedMeanwhile('contact');
    const survivor = snaps.find((s) => s.row.id === body.survivorId)!;
    const merged = body.mergedIds.map((m) => snaps.find((s) => s.row.id === m)!);
    const moved: MergeSnapshot['moved'] = {};
    for (const p of contactDataParticipants()) {
      moved[p.key] = {};
      for (const m of body.mergedIds) moved[p.key]![m] = await p.reassign(trx, m, body.survivorId);
    }
    for (const m of body.mergedIds) await removeContactRecord(trx, m);
    const after = mergedRow(survivor, snaps, (body.fields ?? {}) as Partial<Record<MergeableField, string>>);
    await rewriteContactRecord(trx, db.engine, after.row, after.tags);
    // The survivor's consent history notes what the merge changed; the merged contacts' own history stays under their ids.
    await writeConsentEvents(trx, consentEventRows(body.survivorId, consentFromRow(survivor.row), consentFromRow(after.row), { source: 'merge', detail: id, actorId: actor.id, at: after.row.updatedAt }));
    const snapshot: MergeSnapshot = { survivor, survivorAfter: after, merged, moved };
    const row = { id, survivorId: body.survivorId, mergedIds: JSON.stringify(body.mergedIds), snapshot: JSON.stringify(snapshot), mergedBy: actor.id, createdAt: nowIso(), undoneAt: null, undoneBy: null };
    await trx.insertInto('merges').values(row).execute();
    await resolvePairsOnMerge(trx, 'contact', body.survivorId, body.mergedIds, actor.id);
    const merge = toMerge(row);
    const survivorView = (await readContact(trx, body.survivorId))!;
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'create', entity: 'merge', entityId: id, after: { survivorId: body.survivorId, mergedIds: body.mergedIds, fields: body.fields ?? {}, moved: merge.moved } });
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'contact', entityId: body.survivorId, ...changedFields(before, survivorView) });
    for (const v of mergedViews) await writeAudit(trx, db.engine, { actorId: actor.id, action: 'delete', entity: 'contact', entityId: v.id, before: v, after: { mergedInto: body.survivorId, mergeId: id } });
    await emitEvent(trx, 'contact.merged', 'contact', body.survivorId, { mergeId: id, survivorId: body.survivorId, mergedIds: body.mergedIds, contact: survivorView });
    return merge;
  });
}
