// Creating, changing and deleting companies, with audit, search index and events in one transaction.
import type { Db } from '../../core/db/database.js';
import type { Actor } from '../../core/auth/actor.js';
import { AppError } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { writeAudit, changedFields } from '../../core/audit/audit-log.js';
import { emitEvent } from '../../core/events/outbox.js';
import { getOrgSettings } from '../../core/settings.js';
import type { Company, CompanyInput } from './schemas.js';
import { applyCustomValues, listCustomFields } from './custom-fields.js';
import { findCompanyRow, getCompany, toCompany } from './company-repository.js';
import { findContactRow, toContact } from './contact-repository.js';
import { contactSearchSource } from './contact-service.js';
import { resolveOwner } from './ownership.js';
import { setTags, loadTags } from './tags.js';
import { indexEntity, unindexEntity } from './search-index.js';
import { sortName } from './sort-name.js';
import type { DbOrTrx } from '../../core/db/database.js';

export const companySearchSource = (c: Pick<Company, 'name' | 'domain' | 'industry'>) => ({ names: [c.name], extra: [c.domain, c.industry] });

async function buildValues(db: Db, actor: Actor, input: Partial<CompanyInput>, current: Company | null) {
  const fields = await listCustomFields(db.kysely, 'company');
  const owner = input.ownerId !== undefined || !current ? await resolveOwner(db, actor, input.ownerId) : { ownerId: current.ownerId, teamId: current.teamId };
  const pick = <K extends keyof Company & keyof CompanyInput>(k: K) => (input[k] !== undefined ? input[k] : (current?.[k] ?? null));
  const address = pick('address');
  const name = input.name ?? current?.name ?? '';
  return {
    name,
    sortName: sortName(name),
    domain: pick('domain') as string | null,
    industry: pick('industry') as string | null,
    size: pick('size') as string | null,
    annualRevenue: pick('annualRevenue') as number | null,
    currency: input.currency ?? current?.currency ?? (await getOrgSettings(db.kysely)).defaultCurrency,
    address: address ? JSON.stringify(address) : null,
    ownerId: owner.ownerId,
    teamId: owner.teamId,
    custom: JSON.stringify(input.customFields ? applyCustomValues(fields, current?.customFields ?? {}, input.customFields) : (current?.customFields ?? {})),
    updatedAt: nowIso(),
  };
}

/** Contacts carry their company's name in their search document, so a rename re-indexes them. */
async function reindexContactsOf(trx: DbOrTrx, db: Db, companyId: string) {
  const ids = await trx.selectFrom('contacts').select('id').where('companyId', '=', companyId).execute();
  for (const { id } of ids) {
    const row = await findContactRow(trx, id);
    if (row) await indexEntity(trx, db.engine, 'contact', id, contactSearchSource(toContact(row, [])));
  }
}

export async function createCompany(db: Db, actor: Actor, input: CompanyInput): Promise<Company> {
  const values = await buildValues(db, actor, input, null);
  const id = newId();
  return db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('companies').values({ id, ...values, createdAt: values.updatedAt }).execute();
    if (input.tags) await setTags(trx, 'company', id, input.tags);
    const company = toCompany((await findCompanyRow(trx, id))!, [...new Set(input.tags ?? [])].sort());
    await indexEntity(trx, db.engine, 'company', id, companySearchSource(company));
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'create', entity: 'company', entityId: id, after: company });
    await emitEvent(trx, 'company.created', 'company', id, company);
    return company;
  });
}

export async function updateCompany(db: Db, actor: Actor, id: string, input: Partial<CompanyInput>): Promise<Company> {
  const before = await getCompany(db, actor, id);
  const values = await buildValues(db, actor, input, before);
  return db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('companies').set(values).where('id', '=', id).execute();
    if (input.tags) await setTags(trx, 'company', id, input.tags);
    // Read as the actor sees it (contactCount counts only their visible contacts), like `before`.
    const after = toCompany((await findCompanyRow(trx, id, actor))!, (await loadTags(trx, 'company', [id])).get(id) ?? []);
    await indexEntity(trx, db.engine, 'company', id, companySearchSource(after));
    if (after.name !== before.name) await reindexContactsOf(trx, db, id);
    const diff = changedFields(before, after);
    if (Object.keys(diff.after).length) {
      await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'company', entityId: id, ...diff });
      await emitEvent(trx, 'company.updated', 'company', id, { company: after, changed: Object.keys(diff.after) });
    }
    return after;
  });
}

export async function deleteCompany(db: Db, actor: Actor, id: string): Promise<void> {
  const before = await getCompany(db, actor, id);
  if (before.contactCount > 0) {
    throw new AppError('conflict', `This company still has ${before.contactCount} contact(s); move or delete them first`);
  }
  await db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom('tags').where('entity', '=', 'company').where('entityId', '=', id).execute();
    await unindexEntity(trx, 'company', id);
    await trx.deleteFrom('companies').where('id', '=', id).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'delete', entity: 'company', entityId: id, before });
    await emitEvent(trx, 'company.deleted', 'company', id, { id });
  });
}
