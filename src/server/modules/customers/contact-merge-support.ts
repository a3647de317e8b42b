// Raw contact row access for the data module's duplicate detection, merge and undo: scans in id order, and removing,
// restoring and rewriting a row with its tags and search index kept consistent (as contact-service.ts does).
import type { Selectable } from 'kysely';
import type { DbOrTrx, Engine } from '../../core/db/database.js';
import type { ContactsTable } from './tables.js';
import type { Contact } from './schemas.js';
import { findContactRow, toContact } from './contact-repository.js';
import { loadTags, setTags } from './tags.js';
import { indexEntity, unindexEntity } from './search-index.js';
import { contactSearchSource } from './contact-service.js';
import { sortName } from './sort-name.js';

export type ContactRecord = Selectable<ContactsTable>;

/** The columns duplicate detection and household grouping need, one keyset batch after `afterId` (id order). */
export async function scanContactsForMatching(db: DbOrTrx, afterId: string | null, limit: number) {
  let q = db
    .selectFrom('contacts as r')
    .leftJoin('companies as co', 'co.id', 'r.companyId')
    .select(['r.id', 'r.displayName', 'r.givenName', 'r.familyName', 'r.companyId', 'co.domain as companyDomain', 'co.address as companyAddress', 'r.emails', 'r.phones', 'r.address', 'r.birthday', 'r.updatedAt'])
    .orderBy('r.id')
    .limit(limit);
  if (afterId !== null) q = q.where('r.id', '>', afterId);
  return q.execute();
}

export async function countContacts(db: DbOrTrx): Promise<number> {
  const r = await db.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Exact rows and tags, for a merge's snapshot. */
export async function loadContactRecords(db: DbOrTrx, ids: string[]): Promise<{ row: ContactRecord; tags: string[] }[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('contacts').selectAll().where('id', 'in', ids).execute();
  const tags = await loadTags(db, 'contact', ids);
  return rows.map((row) => ({ row, tags: tags.get(row.id) ?? [] }));
}

/** The API view of a contact without an actor's scope (the caller has checked visibility). */
export async function readContact(db: DbOrTrx, id: string): Promise<Contact | null> {
  const row = await findContactRow(db, id);
  return row ? toContact(row, (await loadTags(db, 'contact', [id])).get(id) ?? []) : null;
}

async function reindex(db: DbOrTrx, engine: Engine, id: string): Promise<void> {
  const c = await readContact(db, id);
  if (c) await indexEntity(db, engine, 'contact', id, contactSearchSource(c));
}

/** Removes a contact's row, tags and search entry (a merged contact; its related records were moved first). */
export async function removeContactRecord(db: DbOrTrx, id: string): Promise<void> {
  await db.deleteFrom('tags').where('entity', '=', 'contact').where('entityId', '=', id).execute();
  await unindexEntity(db, 'contact', id);
  await db.deleteFrom('contacts').where('id', '=', id).execute();
}

/** Puts a removed contact back exactly as it was (undo of a merge). */
export async function restoreContactRecord(db: DbOrTrx, engine: Engine, row: ContactRecord, tags: string[]): Promise<void> {
  await db.insertInto('contacts').values({ ...row, sortName: sortName(row.displayName) }).execute();
  await setTags(db, 'contact', row.id, tags);
  await reindex(db, engine, row.id);
}

/** Writes a contact's columns and tags as given (the survivor of a merge, or its undo). */
export async function rewriteContactRecord(db: DbOrTrx, engine: Engine, row: ContactRecord, tags: string[]): Promise<void> {
  const { id, ...values } = row;
  // A merge may take the other record's name: the sort key follows it.
  await db.updateTable('contacts').set({ ...values, sortName: sortName(values.displayName) }).where('id', '=', id).execute();
  await setTags(db, 'contact', id, tags);
  await reindex(db, engine, id);
}

/** The columns company duplicate detection needs, one keyset batch after `afterId` (id order). */
export async function scanCompaniesForMatching(db: DbOrTrx, afterId: string | null, limit: number) {
  let q = db.selectFrom('companies').select(['id', 'name', 'domain', 'address']).orderBy('id').limit(limit);
  if (afterId !== null) q = q.where('id', '>', afterId);
  return q.execute();
}
