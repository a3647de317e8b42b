// Who a web visitor is: their visitor row on a site, and the link to a contact once they identify themselves (the
// snippet's identify, or a form). Linking gives the contact the visitor's earlier anonymous history as well, the
// rolled-up days included.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import { systemActor } from '../../../core/auth/actor.js';
import { newId, nowIso } from '../../../core/ids.js';
import { contactIdByEmail, contactIdByExternalId, createContact } from '../../customers/index.js';
import { addDaily, dailyKey, rolledUpTo, subtractDaily } from './web-daily-moves.js';

/** The hex HMAC-SHA256 of a user id (or e-mail) under the site's secret, as the site's backend computes it. */
export function identifySignature(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('hex');
}

export function signatureValid(secret: string, value: string, signature: string): boolean {
  const expected = Buffer.from(identifySignature(secret, value), 'hex');
  const given = Buffer.from(signature, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The visitor row of a site's visitor key, made on first sight. */
export async function visitorOf(db: DbOrTrx, siteId: string, visitorKey: string, at: string): Promise<{ id: string; contactId: string | null }> {
  const find = () => db.selectFrom('webVisitors').select(['id', 'contactId']).where('siteId', '=', siteId).where('visitorKey', '=', visitorKey).executeTakeFirst();
  const found = await find();
  if (found) return found;
  await db
    .insertInto('webVisitors')
    .values({ id: newId(), siteId, visitorKey, contactId: null, firstSeenAt: at, lastSeenAt: at, identifiedAt: null })
    .onConflict((oc) => oc.columns(['siteId', 'visitorKey']).doNothing())
    .execute();
  return (await find())!;
}

/**
 * Links the visitor to the contact, and gives the contact every earlier event of the visitor that had none, with the
 * anonymous roll-up counts of those events on days already rolled up — all in one transaction.
 */
export async function linkVisitor(db: DbOrTrx, visitorId: string, contactId: string): Promise<void> {
  const link = async (trx: DbOrTrx) => {
    await trx.updateTable('webVisitors').set({ contactId, identifiedAt: nowIso() }).where('id', '=', visitorId).execute();
    await reattributeRolledUp(trx, visitorId, contactId);
    await trx.updateTable('webEvents').set({ contactId }).where('visitorId', '=', visitorId).where('contactId', 'is', null).execute();
  };
  await (db.isTransaction ? link(db) : db.transaction().execute(link));
}

/**
 * The visitor's anonymous events that the roll-up has counted, per roll-up row, moved from the anonymous bucket to the
 * contact. Counted: on a day already rolled up and received by the end of that day (an event that came in later was
 * not in the roll-up). Days whose raw events are past the retention stay anonymous: nothing says whose they were.
 */
async function reattributeRolledUp(trx: DbOrTrx, visitorId: string, contactId: string): Promise<void> {
  const rolledTo = await rolledUpTo(trx);
  if (!rolledTo) return;
  const dayAfter = new Date(Date.parse(rolledTo) + 86_400_000).toISOString().slice(0, 10);
  const day = sql<string>`substr(occurred_at, 1, 10)`;
  const groups = await trx
    .selectFrom('webEvents')
    .select([day.as('day'), 'siteId', 'kind', dailyKey.as('key'), (eb) => eb.fn.countAll<number>().as('count')])
    .where('visitorId', '=', visitorId)
    .where('contactId', 'is', null)
    .where('occurredAt', '<', dayAfter)
    .where('receivedAt', '<', dayAfter)
    .groupBy([day, 'siteId', 'kind', dailyKey])
    .execute();
  const rows = groups.map((g) => ({ ...g, count: Number(g.count) }));
  if (!rows.length) return;
  await subtractDaily(trx, '', rows);
  await addDaily(trx, contactId, rows);
}

/**
 * The contact an identify call names: by the site's user id when it is signed (external id), else by e-mail; a new
 * contact when an e-mail matches nobody. Null when it names nobody that can be found or made.
 */
export async function identifiedContact(db: Db, who: { email?: string; userId?: string; signedUser: boolean }): Promise<string | null> {
  if (who.userId && who.signedUser) {
    const byId = await contactIdByExternalId(db.kysely, who.userId);
    if (byId) return byId;
  }
  if (!who.email) return null;
  const byEmail = await contactIdByEmail(db.kysely, who.email);
  if (byEmail) return byEmail;
  const created = await createContact(db, systemActor, { displayName: who.email, emails: [who.email], source: 'Website', ...(who.userId && who.signedUser ? { externalId: who.userId } : {}) });
  return created.id;
}
