// Reads companies: one by id (scoped), lists, and the mapping from rows to the API's Company.
import { sql, type Selectable } from 'kysely';
import type { Db, DbOrTrx } from '../../core/db/database.js';
import { canSee, type Actor } from '../../core/auth/actor.js';
import { visibleToSql } from '../../core/auth/record-scope.js';
import { notFound } from '../../core/errors.js';
import type { Page } from '../../core/pagination.js';
import type { CompaniesTable } from './tables.js';
import type { Company } from './schemas.js';
import { listCustomFields } from './custom-fields.js';
import { listRecords, type ListParams, type ListSpec } from './record-list.js';
import { countRecords, type RecordCount } from './record-count.js';
import { loadTags } from './tags.js';

export type CompanyRow = Selectable<CompaniesTable> & { ownerName: string | null; contactCount: number };

export function toCompany(r: CompanyRow, tags: string[]): Company {
  return {
    id: r.id,
    name: r.name,
    domain: r.domain,
    industry: r.industry,
    size: r.size,
    annualRevenue: r.annualRevenue === null ? null : Number(r.annualRevenue),
    currency: r.currency,
    address: r.address ? JSON.parse(r.address) : null,
    ownerId: r.ownerId,
    ownerName: r.ownerName,
    teamId: r.teamId,
    tags,
    customFields: JSON.parse(r.custom),
    contactCount: Number(r.contactCount ?? 0),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** Contacts at the company that the actor may see (all without an actor: internal use such as merges). */
const contactCount = (actor?: Actor) => sql<number>`(select count(*) from contacts cc where cc.company_id = r.id and ${actor ? visibleToSql(actor, 'cc') : sql`1 = 1`})`;

export async function findCompanyRow(db: DbOrTrx, id: string, actor?: Actor): Promise<CompanyRow | undefined> {
  return db
    .selectFrom('companies as r')
    .leftJoin('users as u', 'u.id', 'r.ownerId')
    .selectAll('r')
    .select(['u.name as ownerName', contactCount(actor).as('contactCount')])
    .where('r.id', '=', id)
    .executeTakeFirst();
}

export async function getCompany(db: Db, actor: Actor, id: string): Promise<Company> {
  const row = await findCompanyRow(db.kysely, id, actor);
  if (!row || !canSee(actor, row)) throw notFound('Company');
  return toCompany(row, (await loadTags(db.kysely, 'company', [id])).get(id) ?? []);
}

export async function mapCompanyRows(db: DbOrTrx, rows: CompanyRow[]): Promise<Company[]> {
  const tags = await loadTags(db, 'company', rows.map((r) => r.id));
  return rows.map((r) => toCompany(r, tags.get(r.id) ?? []));
}

/** The API view of many companies by id, without an actor's scope (the caller has checked visibility), in chunks. */
export async function readCompanies(db: DbOrTrx, ids: string[]): Promise<Company[]> {
  const rows: CompanyRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(...(await db.selectFrom('companies as r').leftJoin('users as u', 'u.id', 'r.ownerId').selectAll('r').select(['u.name as ownerName', contactCount().as('contactCount')]).where('r.id', 'in', ids.slice(i, i + 500)).execute()));
  }
  return mapCompanyRows(db, rows);
}

async function companyListSpec(db: Db, actor: Actor): Promise<ListSpec> {
  return {
    table: 'companies',
    entity: 'company',
    columns: sql`r.*, u.name as owner_name, ${contactCount(actor)} as contact_count`,
    joins: sql`left join users u on u.id = r.owner_id`,
    sorts: { createdAt: sql`r.id`, name: sql`r.sort_name`, updatedAt: sql`r.updated_at`, annualRevenue: sql`coalesce(r.annual_revenue, -1)` },
    defaultSort: '-createdAt',
    filters: {
      industry: (v) => sql<boolean>`r.industry = ${v}`,
      ownerId: (v) => sql<boolean>`r.owner_id = ${v === 'me' ? actor.id : v}`,
      tag: (v) => sql<boolean>`r.id in (select entity_id from tags where entity = 'company' and tag = ${v})`,
    },
    customFields: await listCustomFields(db.kysely, 'company'),
  };
}

export async function listCompanies(db: Db, actor: Actor, query: ListParams): Promise<Page<Company>> {
  const page = await listRecords<CompanyRow>(db, actor, await companyListSpec(db, actor), query);
  return { data: await mapCompanyRows(db.kysely, page.data), nextCursor: page.nextCursor };
}

/** How many companies the list's filters (and q) match, as the actor sees them: exact, or an estimate when many. */
export async function countCompanies(db: Db, actor: Actor, query: Omit<ListParams, 'limit'>): Promise<RecordCount> {
  return countRecords(db, actor, await companyListSpec(db, actor), { ...query, limit: 0 });
}
