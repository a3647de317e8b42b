// Engagement with a campaign e-mail: opens, clicks, unsubscribes, bounces and complaints. Each is stored as an event
// row first, then the recipient's first-time columns are set, and the first open, each first click of a link, an
// unsubscribe, a bounce and a complaint go on the contact's timeline.
import { systemActor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db/database.js';
import { newId, nowIso } from '../../../core/ids.js';
import { updateContact } from '../../customers/index.js';
import { logInteraction } from '../../interactions/index.js';
import type { CampaignEventsTable } from './campaign-tables.js';
import { suppress, withdrawAfterComplaint } from './suppression.js';

async function recipient(db: Db, recipientId: string) {
  return db.kysely
    .selectFrom('campaignRecipients as r')
    .innerJoin('campaigns as c', 'c.id', 'r.campaignId')
    .select(['r.id', 'r.campaignId', 'r.contactId', 'r.email', 'r.openedAt', 'r.clickedAt', 'r.unsubscribedAt', 'r.bouncedAt', 'c.name as campaignName', 'c.language'])
    .where('r.id', '=', recipientId)
    .executeTakeFirst();
}
export type EngagedRecipient = NonNullable<Awaited<ReturnType<typeof recipient>>>;
export const findRecipient = recipient;

async function addEvent(db: Db, r: EngagedRecipient, kind: CampaignEventsTable['kind'], url: string | null, detail: string | null): Promise<void> {
  await db.kysely.insertInto('campaignEvents').values({ id: newId(), campaignId: r.campaignId, recipientId: r.id, contactId: r.contactId, kind, url, detail, at: nowIso() }).execute();
}

async function onTimeline(db: Db, r: EngagedRecipient, subject: string, body: string | null): Promise<void> {
  try {
    await logInteraction(db, systemActor, { type: 'email', contactId: r.contactId, subject, body, direction: 'inbound', outcome: 'campaign' });
  } catch {
    // The contact was deleted or erased since: the event row stays, there is no timeline to add to.
  }
}

export async function recordOpen(db: Db, r: EngagedRecipient, userAgent: string | null): Promise<void> {
  await addEvent(db, r, 'open', null, userAgent);
  if (r.openedAt) return;
  const first = await db.kysely.updateTable('campaignRecipients').set({ openedAt: nowIso() }).where('id', '=', r.id).where('openedAt', 'is', null).executeTakeFirst();
  if (Number(first.numUpdatedRows) === 1) await onTimeline(db, r, `Opened campaign e-mail “${r.campaignName}”`, null);
}

export async function recordClick(db: Db, r: EngagedRecipient, url: string): Promise<void> {
  const before = await db.kysely.selectFrom('campaignEvents').select('id').where('recipientId', '=', r.id).where('kind', '=', 'click').where('url', '=', url).executeTakeFirst();
  await addEvent(db, r, 'click', url, null);
  const now = nowIso();
  await db.kysely.updateTable('campaignRecipients').set({ clickedAt: now }).where('id', '=', r.id).where('clickedAt', 'is', null).execute();
  // A click shows the message was opened even when images were blocked.
  await db.kysely.updateTable('campaignRecipients').set({ openedAt: now }).where('id', '=', r.id).where('openedAt', 'is', null).execute();
  if (!before) await onTimeline(db, r, `Clicked a link in campaign e-mail “${r.campaignName}”`, url);
}

export async function recordUnsubscribe(db: Db, r: EngagedRecipient, how: 'page' | 'one-click'): Promise<void> {
  if (!r.unsubscribedAt) await addEvent(db, r, 'unsubscribe', null, how);
  await db.kysely.updateTable('campaignRecipients').set({ unsubscribedAt: nowIso() }).where('id', '=', r.id).where('unsubscribedAt', 'is', null).execute();
  if (r.email) await suppress(db.kysely, r.email, 'unsubscribed', { contactId: r.contactId, campaignId: r.campaignId });
  try {
    await updateContact(db, systemActor, r.contactId, { consent: { email: 'withdrawn' }, consentSource: 'unsubscribe' });
  } catch {
    // Deleted contact: the suppression list still keeps the address out of every later send.
  }
  if (!r.unsubscribedAt) await onTimeline(db, r, `Unsubscribed through campaign e-mail “${r.campaignName}”`, null);
}

/** A bounce of one recipient's message; a hard bounce (permanent failure) suppresses the address. */
export async function recordBounce(db: Db, recipientId: string, reason: string, hard: boolean): Promise<void> {
  const r = await recipient(db, recipientId);
  if (!r) return;
  await addEvent(db, r, 'bounce', null, `${hard ? 'hard' : 'soft'}: ${reason}`.slice(0, 500));
  await db.kysely.updateTable('campaignRecipients').set({ bouncedAt: nowIso() }).where('id', '=', r.id).where('bouncedAt', 'is', null).execute();
  if (hard && r.email) await suppress(db.kysely, r.email, 'hard_bounce', { contactId: r.contactId, campaignId: r.campaignId });
  if (!r.bouncedAt) await onTimeline(db, r, `Campaign e-mail “${r.campaignName}” bounced`, reason.slice(0, 500));
}

/** A complaint (the recipient marked the message as spam, reported by a feedback loop): the address it went to and the
 * one the report names go on the suppression list, e-mail consent is withdrawn; a repeated report changes nothing. */
export async function recordComplaint(db: Db, r: EngagedRecipient, detail: string, reported: string[]): Promise<void> {
  const before = await db.kysely.selectFrom('campaignEvents').select('id').where('recipientId', '=', r.id).where('kind', '=', 'complaint').executeTakeFirst();
  if (before) return;
  await addEvent(db, r, 'complaint', null, detail.slice(0, 500));
  await withdrawAfterComplaint(db, [...(r.email ? [r.email] : []), ...reported], { contactId: r.contactId, campaignId: r.campaignId });
  await onTimeline(db, r, `Marked campaign e-mail “${r.campaignName}” as spam`, detail.slice(0, 500));
}
