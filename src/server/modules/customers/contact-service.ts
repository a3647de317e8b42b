// Creating, changing and deleting contacts: validation, audit, search index and events in one transaction.
import type { Db } from '../../core/db/database.js';
import type { Actor } from '../../core/auth/actor.js';
import { AppError, type FieldError } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { writeAudit, changedFields } from '../../core/audit/audit-log.js';
import { emitEvent } from '../../core/events/outbox.js';
import { getOrgSettings } from '../../core/settings.js';
import type { Contact, ContactInput } from './schemas.js';
import type { ContactsTable } from './tables.js';
import { toE164 } from './phone.js';
import { regionOfCountry } from '../../core/phone-region.js';
import { applyCustomValues, listCustomFields } from './custom-fields.js';
import { findContactRow, getContact, toContact } from './contact-repository.js';
import { assertVisibleCompany, resolveOwner } from './ownership.js';
import { setTags } from './tags.js';
import { indexEntity, unindexEntity } from './search-index.js';
import { consentColumns, consentEventRows, consentSourceOf, nextConsent, writeConsentEvents } from './consent-store.js';
import { unknownConsent } from './consent-rule.js';
import { sortName } from './sort-name.js';

const hasCjk = (s: string) => /[\u3400-\u9fff]/.test(s);

/** Chinese names are written family-then-given with no space; others given-then-family with a space. */
export function composeDisplayName(given?: string | null, family?: string | null): string | null {
  const g = given?.trim() ?? '';
  const f = family?.trim() ?? '';
  if (!g && !f) return null;
  return hasCjk(g + f) ? f + g : [g, f].filter(Boolean).join(' ');
}

/** A contact's numbers are read in the country of its address when it names one, else the organisation's region. */
export function contactPhoneRegion(country: string | null | undefined, defaultRegion: string): string {
  return regionOfCountry(country) ?? defaultRegion;
}

function normalisePhones(phones: string[], region: string): string[] {
  const errors: FieldError[] = [];
  const out = phones.map((p, i) => {
    const e164 = toE164(p, region);
    if (!e164) errors.push({ path: `phones.${i}`, message: `"${p}" is not a valid phone number (default region ${region})` });
    return e164 ?? '';
  });
  if (errors.length) throw new AppError('validation', 'A phone number is not valid', errors);
  return [...new Set(out)];
}

export function contactSearchSource(c: Pick<Contact, 'displayName' | 'givenName' | 'familyName' | 'emails' | 'phones' | 'companyName' | 'title'>) {
  return { names: [c.displayName, c.companyName], shortNames: [c.displayName, c.givenName, c.familyName], emails: c.emails, phones: c.phones, extra: [c.title] };
}

type Values = Omit<ContactsTable, 'id' | 'createdAt'>;

async function buildValues(db: Db, actor: Actor, input: ContactInput, current: Contact | null, consentRule: 'set' | 'merge' = 'set'): Promise<{ values: Values; companyName: string | null }> {
  const settings = await getOrgSettings(db.kysely);
  const fields = await listCustomFields(db.kysely, 'contact');
  const given = input.givenName !== undefined ? input.givenName : current?.givenName;
  const family = input.familyName !== undefined ? input.familyName : current?.familyName;
  const displayName = input.displayName ?? (input.givenName !== undefined || input.familyName !== undefined ? composeDisplayName(given, family) : null) ?? current?.displayName ?? composeDisplayName(given, family);
  if (!displayName) throw new AppError('validation', 'A contact needs a name', [{ path: 'displayName', message: 'give displayName, or givenName/familyName' }]);
  const emails = input.emails ? [...new Set(input.emails)] : (current?.emails ?? []);
  const address = input.address !== undefined ? input.address : current?.address;
  // Two forms of one number are one number: the Set in normalisePhones dedupes after normalising.
  const phones = input.phones ? normalisePhones(input.phones, contactPhoneRegion(address?.country, settings.defaultRegion)) : (current?.phones ?? []);
  const rawPhones = input.rawPhones ? [...new Set(input.rawPhones)] : (current?.rawPhones ?? []);
  const company = input.companyId !== undefined ? await assertVisibleCompany(db, actor, input.companyId) : current?.companyName ? { name: current.companyName } : null;
  const owner = input.ownerId !== undefined || !current ? await resolveOwner(db, actor, input.ownerId) : { ownerId: current.ownerId, teamId: current.teamId };
  const consent = nextConsent(current?.consentStatus ?? unknownConsent(), input.consent, { source: consentSourceOf(actor, input.consentSource), at: nowIso() }, consentRule);
  const custom = input.customFields ? applyCustomValues(fields, current?.customFields ?? {}, input.customFields) : (current?.customFields ?? {});
  if (input.externalId) {
    const taken = await db.kysely.selectFrom('contacts').select('id').where('externalId', '=', input.externalId).executeTakeFirst();
    if (taken && taken.id !== current?.id) throw new AppError('conflict', 'Another contact already has this external id', [{ path: 'externalId', message: 'already in use' }]);
  }
  return {
    companyName: company?.name ?? null,
    values: {
      displayName,
      sortName: sortName(displayName),
      externalId: input.externalId !== undefined ? input.externalId : (current?.externalId ?? null),
      givenName: given ?? null,
      familyName: family ?? null,
      title: input.title !== undefined ? input.title : (current?.title ?? null),
      companyId: input.companyId !== undefined ? input.companyId : (current?.companyId ?? null),
      emails: JSON.stringify(emails),
      phones: JSON.stringify(phones),
      rawPhones: rawPhones.length ? JSON.stringify(rawPhones) : null,
      primaryEmail: emails[0] ?? null,
      primaryPhone: phones[0] ?? null,
      address: address ? JSON.stringify(address) : null,
      birthday: input.birthday !== undefined ? input.birthday : (current?.birthday ?? null),
      source: input.source !== undefined ? input.source : (current?.source ?? null),
      lifecycleStage: input.lifecycleStage ?? current?.lifecycleStage ?? 'lead',
      ownerId: owner.ownerId,
      teamId: owner.teamId,
      ...consentColumns(consent),
      custom: JSON.stringify(custom),
      sourceCreatedAt: current?.sourceCreatedAt ?? null,
      updatedAt: nowIso(),
    },
  };
}

export async function createContact(db: Db, actor: Actor, input: ContactInput): Promise<Contact> {
  const { values } = await buildValues(db, actor, input, null);
  const id = newId();
  const row = { id, ...values, createdAt: values.updatedAt };
  return db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('contacts').values(row).execute();
    if (input.tags) await setTags(trx, 'contact', id, input.tags);
    const contact = toContact((await findContactRow(trx, id))!, [...new Set(input.tags ?? [])].sort());
    await writeConsentEvents(trx, consentEventRows(id, null, contact.consentStatus, { actorId: actor.id, at: values.updatedAt }));
    await indexEntity(trx, db.engine, 'contact', id, contactSearchSource(contact));
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'create', entity: 'contact', entityId: id, after: contact });
    await emitEvent(trx, 'contact.created', 'contact', id, contact);
    return contact;
  });
}

/** `consentRule: 'merge'` (an inbound upsert on a match) keeps the most restrictive consent instead of taking what is sent. */
export async function updateContact(db: Db, actor: Actor, id: string, input: ContactInput, opts: { consentRule?: 'set' | 'merge' } = {}): Promise<Contact> {
  const before = await getContact(db, actor, id);
  const { values } = await buildValues(db, actor, input, before, opts.consentRule);
  return db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('contacts').set(values).where('id', '=', id).execute();
    if (input.tags) await setTags(trx, 'contact', id, input.tags);
    const after = toContact((await findContactRow(trx, id))!, input.tags ? [...new Set(input.tags)].sort() : before.tags);
    await writeConsentEvents(trx, consentEventRows(id, before.consentStatus, after.consentStatus, { actorId: actor.id, at: values.updatedAt }));
    await indexEntity(trx, db.engine, 'contact', id, contactSearchSource(after));
    const diff = changedFields(before, after);
    if (Object.keys(diff.after).length) {
      await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'contact', entityId: id, ...diff });
      await emitEvent(trx, 'contact.updated', 'contact', id, { contact: after, changed: Object.keys(diff.after) });
    }
    return after;
  });
}

export async function deleteContact(db: Db, actor: Actor, id: string): Promise<void> {
  const before = await getContact(db, actor, id);
  await db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom('tags').where('entity', '=', 'contact').where('entityId', '=', id).execute();
    await unindexEntity(trx, 'contact', id);
    await trx.deleteFrom('contacts').where('id', '=', id).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'delete', entity: 'contact', entityId: id, before });
    await emitEvent(trx, 'contact.deleted', 'contact', id, { id });
  });
}
