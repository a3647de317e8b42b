// Reads contacts: one by id (scoped), lists, and the mapping from rows to the API's Contact.
import { sql, type Selectable } from 'kysely';
import type { Db, DbOrTrx } from '../../core/db/database.js';
import { canSee, type Actor } from '../../core/auth/actor.js';
import { notFound } from '../../core/errors.js';
import type { Page } from '../../core/pagination.js';
import type { ContactsTable } from './tables.js';
import type { Contact } from './schemas.js';
import { listCustomFields } from './custom-fields.js';
import { listRecords, type ListParams, type ListSpec } from './record-list.js';
import { countRecords, type RecordCount } from './record-count.js';
import { loadTags } from './tags.js';
import { consentFromRow } from './consent-store.js';
import { resolveContactListFilters } from './contact-list-filters.js';
import { resolveContactListSort } from './contact-list-sorts.js';

export type ContactRow = Selectable<ContactsTable> & { companyName: string | null; ownerName: string | null };

export function toContact(r: ContactRow, tags: string[]): Contact {
  return {
    id: r.id,
    externalId: r.externalId ?? null,
    displayName: r.displayName,
    givenName: r.givenName,
    familyName: r.familyName,
    title: r.title,
    companyId: r.companyId,
    companyName: r.companyName,
    emails: JSON.parse(r.emails),
    phones: JSON.parse(r.phones),
    rawPhones: r.rawPhones ? JSON.parse(r.rawPhones) : [],
    address: r.address ? JSON.parse(r.address) : null,
    birthday: r.birthday,
    source: r.source,
    lifecycleStage: r.lifecycleStage,
    ownerId: r.ownerId,
    ownerName: r.ownerName,
    teamId: r.teamId,
    tags,
    consent: { email: r.consentEmail === 1, sms: r.consentSms === 1, phone: r.consentPhone === 1 },
    consentStatus: consentFromRow(r),
    customFields: JSON.parse(r.custom),
    sourceCreatedAt: r.sourceCreatedAt ?? null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export async function findContactRow(db: DbOrTrx, id: string): Promise<ContactRow | undefined> {
  return db
    .selectFrom('contacts as r')
    .leftJoin('companies as co', 'co.id', 'r.companyId')
    .leftJoin('users as u', 'u.id', 'r.ownerId')
    .selectAll('r')
    .select(['co.name as companyName', 'u.name as ownerName'])
    .where('r.id', '=', id)
    .executeTakeFirst();
}

/** A visible contact or 404: a record the actor may not see is reported exactly like one that does not exist. */
export async function getContact(db: Db, actor: Actor, id: string): Promise<Contact> {
  const row = await findContactRow(db.kysely, id);
  if (!row || !canSee(actor, row)) throw notFound('Contact');
  return toContact(row, (await loadTags(db.kysely, 'contact', [id])).get(id) ?? []);
}

export async function mapContactRows(db: DbOrTrx, rows: ContactRow[]): Promise<Contact[]> {
  const tags = await loadTags(db, 'contact', rows.map((r) => r.id));
  return rows.map((r) => toContact(r, tags.get(r.id) ?? []));
}

/** The API view of many contacts by id, without an actor's scope (the caller has checked visibility), in chunks. */
export async function readContacts(db: DbOrTrx, ids: string[]): Promise<Contact[]> {
  const rows: ContactRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(...(await db.selectFrom('contacts as r').leftJoin('companies as co', 'co.id', 'r.companyId').leftJoin('users as u', 'u.id', 'r.ownerId').selectAll('r').select(['co.name as companyName', 'u.name as ownerName']).where('r.id', 'in', ids.slice(i, i + 500)).execute()));
  }
  return mapContactRows(db, rows);
}

async function contactListSpec(db: Db, actor: Actor, query: Record<string, unknown>): Promise<ListSpec> {
  const registered = await resolveContactListFilters(db, actor, query);
  return {
    table: 'contacts',
    entity: 'contact',
    columns: sql`r.*, co.name as company_name, u.name as owner_name`,
    joins: sql`left join companies co on co.id = r.company_id left join users u on u.id = r.owner_id`,
    sorts: { createdAt: sql`r.id`, displayName: sql`r.sort_name`, updatedAt: sql`r.updated_at`, lifecycleStage: sql`r.lifecycle_stage` },
    defaultSort: '-createdAt',
    filters: {
      lifecycleStage: (v) => sql<boolean>`r.lifecycle_stage = ${v}`,
      ownerId: (v) => sql<boolean>`r.owner_id = ${v === 'me' ? actor.id : v}`,
      companyId: (v) => sql<boolean>`r.company_id = ${v}`,
      source: (v) => sql<boolean>`r.source = ${v}`,
      // The contacts an import created or changed (written by the data module's import with its rows).
      importId: (v) => sql<boolean>`r.id in (select entity_id from import_records where import_id = ${v} and entity = 'contact')`,
      tag: (v) => sql<boolean>`r.id in (select entity_id from tags where entity = 'contact' and tag = ${v})`,
      ...registered,
    },
    customFields: await listCustomFields(db.kysely, 'contact'),
    joinedSorts: await resolveContactListSort(db, actor, query.sort),
  };
}

export async function listContacts(db: Db, actor: Actor, query: ListParams): Promise<Page<Contact>> {
  const page = await listRecords<ContactRow>(db, actor, await contactListSpec(db, actor, query), query);
  return { data: await mapContactRows(db.kysely, page.data), nextCursor: page.nextCursor };
}

/** How many contacts the list's filters (and q) match, as the actor sees them: exact, or an estimate when many. */
export async function countContacts(db: Db, actor: Actor, query: Omit<ListParams, 'limit'>, cap?: number): Promise<RecordCount> {
  return countRecords(db, actor, await contactListSpec(db, actor, query), { ...query, limit: 0 }, cap);
}
