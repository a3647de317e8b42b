// Changes to one contact made by automation (journeys) inside the caller's transaction: add/remove a tag, a new owner,
// a lifecycle stage, a title/source or a custom field value. Audited and announced as contact.updated like a user's
// edit, so segments, webhooks and goals see them; the caller's transaction makes the change and its record atomic.
import type { DbOrTrx, Engine } from '../../core/db/database.js';
import { AppError, notFound } from '../../core/errors.js';
import { nowIso } from '../../core/ids.js';
import { changedFields, writeAudit } from '../../core/audit/audit-log.js';
import { emitEvent } from '../../core/events/outbox.js';
import type { Contact } from './schemas.js';
import { lifecycleStages, type LifecycleStage } from './tables.js';
import { applyCustomValues, listCustomFields } from './custom-fields.js';
import { findContactRow, readContacts, toContact } from './contact-repository.js';
import { loadTags } from './tags.js';

export type ContactAutomationChange =
  | { kind: 'add_tag'; tag: string }
  | { kind: 'remove_tag'; tag: string }
  | { kind: 'owner'; ownerId: string }
  | { kind: 'field'; field: string; value: unknown };

/** Built-in contact fields automation may set; custom fields are named "cf.<key>". */
export const automatableContactFields = ['lifecycleStage', 'title', 'source'] as const;

/** The contact as the API shows it, read inside a transaction (null once erased). */
export async function readContactIn(trx: DbOrTrx, id: string): Promise<Contact | null> {
  return (await readContacts(trx, [id]))[0] ?? null;
}

/** Checks a field change before a journey is saved: the field exists and the value fits it. Returns a problem or null. */
export async function contactFieldProblem(trx: DbOrTrx, field: string, value: unknown): Promise<string | null> {
  if (field === 'lifecycleStage') return lifecycleStages.includes(value as LifecycleStage) ? null : 'must be a lifecycle stage: subscriber, lead, qualified, opportunity, customer or churned';
  if (field === 'title' || field === 'source') return value === null || (typeof value === 'string' && value.length <= 200) ? null : 'must be text of at most 200 characters';
  if (!field.startsWith('cf.')) return 'there is no such contact field';
  try {
    applyCustomValues(await listCustomFields(trx, 'contact'), {}, { [field.slice(3)]: value });
    return null;
  } catch (err) {
    return err instanceof AppError ? (err.errors?.[0]?.message ?? err.message) : String(err);
  }
}

/** Applies one change; returns false when it changed nothing (the tag was already there, the same owner). */
export async function changeContactIn(trx: DbOrTrx, engine: Engine, actorId: string, id: string, change: ContactAutomationChange): Promise<boolean> {
  const row = await findContactRow(trx, id);
  if (!row) throw notFound('Contact');
  const before = toContact(row, (await loadTags(trx, 'contact', [id])).get(id) ?? []);
  const now = nowIso();
  if (change.kind === 'add_tag' || change.kind === 'remove_tag') {
    const has = before.tags.includes(change.tag);
    if (has === (change.kind === 'add_tag')) return false;
    if (change.kind === 'add_tag') await trx.insertInto('tags').values({ entity: 'contact', entityId: id, tag: change.tag }).execute();
    else await trx.deleteFrom('tags').where('entity', '=', 'contact').where('entityId', '=', id).where('tag', '=', change.tag).execute();
    await trx.updateTable('contacts').set({ updatedAt: now }).where('id', '=', id).execute();
  } else if (change.kind === 'owner') {
    const u = await trx.selectFrom('users').select(['id', 'teamId', 'active']).where('id', '=', change.ownerId).executeTakeFirst();
    if (!u || u.active !== 1) throw new AppError('validation', 'The owner must be an active user', [{ path: 'ownerId', message: 'unknown or inactive user' }]);
    if (row.ownerId === u.id) return false;
    await trx.updateTable('contacts').set({ ownerId: u.id, teamId: u.teamId, updatedAt: now }).where('id', '=', id).execute();
  } else if (change.field.startsWith('cf.')) {
    const custom = applyCustomValues(await listCustomFields(trx, 'contact'), before.customFields ?? {}, { [change.field.slice(3)]: change.value });
    await trx.updateTable('contacts').set({ custom: JSON.stringify(custom), updatedAt: now }).where('id', '=', id).execute();
  } else {
    const problem = await contactFieldProblem(trx, change.field, change.value);
    if (problem) throw new AppError('validation', problem, [{ path: change.field, message: problem }]);
    await trx.updateTable('contacts').set({ [change.field]: change.value, updatedAt: now }).where('id', '=', id).execute();
  }
  const after = (await readContactIn(trx, id))!;
  const diff = changedFields(before, after);
  if (!Object.keys(diff.after).length) return false;
  await writeAudit(trx, engine, { actorId, action: 'update', entity: 'contact', entityId: id, ...diff });
  await emitEvent(trx, 'contact.updated', 'contact', id, { contact: after, changed: Object.keys(diff.after) });
  return true;
}
