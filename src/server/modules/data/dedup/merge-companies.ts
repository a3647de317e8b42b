// Merging duplicate companies into one survivor: pick each field's value, move every related record (the customers
// module's contacts, and through the company data participants deals, orders, interactions…), remove the merged
// companies, and keep a snapshot so the merge can be undone.
import { z } from 'zod';
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { newId, nowIso } from '../../../core/ids.js';
import { writeAudit, changedFields } from '../../../core/audit/audit-log.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { companyDataParticipants, getCompany, loadCompanyRecords, moveCompanyContacts, readCompany, removeCompanyRecord, rewriteCompanyRecord, type Company, type CompanyRecord } from '../../customers/index.js';
import { companyMergeableFields, mergedCompanyRow, type CompanyMergeableField } from './company-merge-fields.js';
import { resolvePairsOnMerge } from './duplicate-store.js';
import { changedMeanwhile, checkExpectedVersions, checkMergeRequest } from './merge-request.js';
import { toMerge, type Merge } from './merge-contacts.js';

/** The key under which a company merge's snapshot records the contacts it moved (kept by the customers module itself). */
export const CONTACTS_KEY = 'contacts';

const id = z.string().min(1).max(100);
export const companyMergeBody = z.strictObject({
  survivorId: id,
  mergedIds: z.array(id).min(1).max(20),
  fields: z.partialRecord(z.enum(companyMergeableFields), id).optional(),
  /** The `updatedAt` of each company as the client saw it; a company changed since makes the merge a 409. */
  expectedUpdatedAt: z.record(id, z.string().max(40)).optional(),
});
export type CompanyMergeBody = z.infer<typeof companyMergeBody>;

type Snap = { row: CompanyRecord; tags: string[] };
export interface CompanyMergeSnapshot {
  survivor: Snap;
  survivorAfter: Snap;
  merged: Snap[];
  /** "contacts" or a participant key → merged company id → ids of the records moved to the survivor. */
  moved: Record<string, Record<string, string[]>>;
}


export async function mergeCompanies(db: Db, actor: Actor, body: CompanyMergeBody): Promise<Merge> {
  checkMergeRequest(body, 'company');
  // Every company must be visible to the actor (404 otherwise, like any other read).
  const views: Company[] = [];
  for (const cid of [body.survivorId, ...body.mergedIds]) views.push(await getCompany(db, actor, cid));
  checkExpectedVersions(views, body.expectedUpdatedAt, 'company');
  const [before, ...mergedViews] = views as [Company, ...Company[]];
  const mergeId = newId();
  return db.kysely.transaction().execute(async (trx) => {
    const snaps = await loadCompanyRecords(trx, [body.survivorId, ...body.mergedIds]);
    // Gone, or edited between the visibility check and now: the choices were made on other values.
    if (snaps.length !== views.length || snaps.some((s) => s.row.updatedAt !== views.find((v) => v.id === s.row.id)!.updatedAt)) throw changedMeanwhile('company');
    const survivor = snaps.find((s) => s.row.id === body.survivorId)!;
    const merged = body.mergedIds.map((m) => snaps.find((s) => s.row.id === m)!);
    const moved: CompanyMergeSnapshot['moved'] = { [CONTACTS_KEY]: {} };
    for (const m of body.mergedIds) moved[CONTACTS_KEY]![m] = await moveCompanyContacts(trx, db.engine, m, body.survivorId);
    for (const p of companyDataParticipants()) {
      moved[p.key] = {};
      for (const m of body.mergedIds) moved[p.key]![m] = await p.reassign(trx, m, body.survivorId);
    }
    // A concurrent merge that removed one of these first leaves nothing to delete here.
    for (const m of body.mergedIds) if (!(await removeCompanyRecord(trx, m))) throw changedMeanwhile('company');
    const after = mergedCompanyRow(survivor, snaps, (body.fields ?? {}) as Partial<Record<CompanyMergeableField, string>>);
    await rewriteCompanyRecord(trx, db.engine, after.row, after.tags);
    const snapshot: CompanyMergeSnapshot = { survivor, survivorAfter: after, merged, moved };
    const row = { id: mergeId, entity: 'company' as const, survivorId: body.survivorId, mergedIds: JSON.stringify(body.mergedIds), snapshot: JSON.stringify(snapshot), mergedBy: actor.id, createdAt: nowIso(), undoneAt: null, undoneBy: null };
    await trx.insertInto('merges').values(row).execute();
    await resolvePairsOnMerge(trx, 'company', body.survivorId, body.mergedIds, actor.id);
    const merge = toMerge(row);
    const survivorView = (await readCompany(trx, body.survivorId))!;
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'create', entity: 'merge', entityId: mergeId, after: { entity: 'company', survivorId: body.survivorId, mergedIds: body.mergedIds, fields: body.fields ?? {}, moved: merge.moved } });
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'company', entityId: body.survivorId, ...changedFields(before, survivorView) });
    for (const v of mergedViews) await writeAudit(trx, db.engine, { actorId: actor.id, action: 'delete', entity: 'company', entityId: v.id, before: v, after: { mergedInto: body.survivorId, mergeId } });
    await emitEvent(trx, 'company.merged', 'company', body.survivorId, { mergeId, survivorId: body.survivorId, mergedIds: body.mergedIds, moved: merge.moved, company: survivorView });
    return merge;
  });
}
