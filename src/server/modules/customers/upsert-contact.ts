// Inbound upsert for third-party systems: find the contact by external id, email or phone, then update it or create it.
import type { Db } from '../../core/db/database.js';
import type { Actor } from '../../core/auth/actor.js';
import { canSee } from '../../core/auth/actor.js';
import { getOrgSettings } from '../../core/settings.js';
import type { Contact, ContactInput } from './schemas.js';
import { toE164 } from './phone.js';
import { createContact, updateContact } from './contact-service.js';

export type MatchedBy = 'externalId' | 'email' | 'phone' | null;

async function findMatch(db: Db, actor: Actor, input: ContactInput): Promise<{ id: string; by: MatchedBy } | null> {
  const k = db.kysely;
  const candidates: { by: MatchedBy; find: () => Promise<{ id: string; ownerId: string | null; teamId: string | null } | undefined> }[] = [];
  if (input.externalId) candidates.push({ by: 'externalId', find: () => k.selectFrom('contacts').select(['id', 'ownerId', 'teamId']).where('externalId', '=', input.externalId!).executeTakeFirst() });
  if (input.emails?.length) candidates.push({ by: 'email', find: () => k.selectFrom('contacts').select(['id', 'ownerId', 'teamId']).where('primaryEmail', 'in', input.emails!).orderBy('id').executeTakeFirst() });
  if (input.phones?.length) {
    const region = (await getOrgSettings(k)).defaultRegion;
    const phones = input.phones.map((p) => toE164(p, region)).filter((p): p is string => !!p);
    if (phones.length) candidates.push({ by: 'phone', find: () => k.selectFrom('contacts').select(['id', 'ownerId', 'teamId']).where('primaryPhone', 'in', phones).orderBy('id').executeTakeFirst() });
  }
  for (const c of candidates) {
    const row = await c.find();
    // A match the caller may not see is treated as no match only for email/phone; an external id is unique.
    if (row && (canSee(actor, row) || c.by === 'externalId')) return { id: row.id, by: c.by };
  }
  return null;
}

export async function upsertContact(db: Db, actor: Actor, input: ContactInput): Promise<{ contact: Contact; created: boolean; matchedBy: MatchedBy }> {
  const match = await findMatch(db, actor, input);
  // On a match the consent is merged (most restrictive), so a sync can never undo an opt-out recorded here.
  if (match) return { contact: await updateContact(db, actor, match.id, input, { consentRule: 'merge' }), created: false, matchedBy: match.by };
  return { contact: await createContact(db, actor, input), created: true, matchedBy: null };
}
