// Raw company row access for the data module's company merge and undo: exact rows with tags, removing, restoring and
// rewriting a company with its tags and search entry kept consistent, and moving its contacts between companies
// (a contact's search entry carries its company's name, so moved contacts are re-indexed).
import type { Selectable } from 'kysely';
import type { DbOrTrx, Engine } from '../../core/db/database.js';
import type { CompaniesTable } from './tables.js';
import type { Company } from './schemas.js';
import { findCompanyRow, toCompany } from './company-repository.js';
import { companySearchSource } from './company-service.js';
import { findContactRow, toContact } from './contact-repository.js';
import { contactSearchSource } from './contact-service.js';
import { loadTags, setTags } from './tags.js';
import { indexEntity, unindexEntity } from './search-index.js';
import { sortName } from './sort-name.js';

export type CompanyRecord = Selectable<CompaniesTable>;

const CHUNK = 500;

/** Exact rows and tags, for a merge's snapshot. */
export async function loadCompanyRecords(db: DbOrTrx, ids: string[]): Promise<{ row: CompanyRecord; tags: string[] }[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('companies').selectAll().where('id', 'in', ids).execute();
  const tags = await loadTags(db, 'company', ids);
  return rows.map((row) => ({ row, tags: tags.get(row.id) ?? [] }));
}

/** The API view of a company without an actor's scope (the caller has checked visibility). */
export async function readCompany(db: DbOrTrx, id: string): Promise<Company | null> {
  const row = await findCompanyRow(db, id);
  return row ? toCompany(row, (await loadTags(db, 'company', [id])).get(id) ?? []) : null;
}

async function reindexContacts(db: DbOrTrx, engine: Engine, ids: string[]): Promise<void> {
  for (const id of ids) {
    const row = await findContactRow(db, id);
    if (row) await indexEntity(db, engine, 'contact', id, contactSearchSource(toContact(row, [])));
  }
}

async function reindexCompany(db: DbOrTrx, engine: Engine, id: string): Promise<void> {
  const c = await readCompany(db, id);
  if (!c) return;
  await indexEntity(db, engine, 'company', id, companySearchSource(c));
  const contacts = await db.selectFrom('contacts').select('id').where('companyId', '=', id).execute();
  await reindexContacts(db, engine, contacts.map((r) => r.id));
}

/** Removes a company's row, tags and search entry (a merged company; its records were moved first). False when it was already gone. */
export async function removeCompanyRecord(db: DbOrTrx, id: string): Promise<boolean> {
  await db.deleteFrom('tags').where('entity', '=', 'company').where('entityId', '=', id).execute();
  await unindexEntity(db, 'company', id);
  const res = await db.deleteFrom('companies').where('id', '=', id).executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

/** Puts a removed company back exactly as it was (undo of a merge). */
export async function restoreCompanyRecord(db: DbOrTrx, engine: Engine, row: CompanyRecord, tags: string[]): Promise<void> {
  await db.insertInto('companies').values({ ...row, sortName: sortName(row.name) }).execute();
  await setTags(db, 'company', row.id, tags);
  await indexEntity(db, engine, 'company', row.id, companySearchSource({ name: row.name, domain: row.domain, industry: row.industry }));
}

/** Writes a company's columns and tags as given (the survivor of a merge, or its undo); its contacts follow a new name in search. */
export async function rewriteCompanyRecord(db: DbOrTrx, engine: Engine, row: CompanyRecord, tags: string[]): Promise<void> {
  const { id, ...values } = row;
  await db.updateTable('companies').set({ ...values, sortName: sortName(values.name) }).where('id', '=', id).execute();
  await setTags(db, 'company', id, tags);
  await reindexCompany(db, engine, id);
}

/** Moves the contacts of company `fromId` to `toId`; returns the ids moved. */
export async function moveCompanyContacts(db: DbOrTrx, engine: Engine, fromId: string, toId: string): Promise<string[]> {
  const ids = (await db.selectFrom('contacts').select('id').where('companyId', '=', fromId).execute()).map((r) => r.id);
  if (ids.length) await db.updateTable('contacts').set({ companyId: toId }).where('companyId', '=', fromId).execute();
  await reindexContacts(db, engine, ids);
  return ids;
}

/** Moves these contacts back to company `toId`, those still at `fromId` (a contact moved elsewhere since stays there). */
export async function returnCompanyContacts(db: DbOrTrx, engine: Engine, ids: string[], fromId: string, toId: string): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    await db.updateTable('contacts').set({ companyId: toId }).where('id', 'in', ids.slice(i, i + CHUNK)).where('companyId', '=', fromId).execute();
  }
  await reindexContacts(db, engine, ids);
}
