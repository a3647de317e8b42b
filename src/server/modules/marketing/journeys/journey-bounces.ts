// Bounces of journey e-mails: each goes out with the Message-ID <mail outbox row id@domain>, so a delivery report that
// returns it names the row. A hard bounce (5xx / 5.x.x) puts the address on the suppression list — no journey or
// campaign mails it again — and notes it on the contact's timeline, once (a repeated report finds it suppressed).
// A Message-ID must match the row's own: a made-up one (or another kind of mail's) changes nothing.
import { systemActor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db/database.js';
import { logInteraction } from '../../interactions/index.js';
import { onInboundBounce } from '../../service/index.js';
import { isHardBounce } from '../campaigns/campaign-bounces.js';
import { suppress, suppressionOf } from '../campaigns/suppression.js';
import { JOURNEY_MAIL_KIND } from './journey-mail.js';

const OUR_ID = /^<([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@[^<>\s]+>$/i;

async function journeyMailOf(db: Db, messageId: string) {
  const rowId = OUR_ID.exec(messageId)?.[1]?.toLowerCase();
  if (!rowId) return undefined;
  const mail = await db.kysely.selectFrom('mailOutbox').select(['toAddress', 'refId', 'messageId']).where('id', '=', rowId).where('kind', '=', JOURNEY_MAIL_KIND).executeTakeFirst();
  if (!mail?.refId || mail.messageId?.toLowerCase() !== messageId.toLowerCase()) return undefined;
  const enrolmentId = mail.refId.split(':')[0]!;
  const enrolment = await db.kysely
    .selectFrom('journeyEnrolments as e')
    .innerJoin('journeys as j', 'j.id', 'e.journeyId')
    .select(['e.contactId', 'j.name'])
    .where('e.id', '=', enrolmentId)
    .executeTakeFirst();
  return enrolment && { email: mail.toAddress, contactId: enrolment.contactId, journeyName: enrolment.name };
}

onInboundBounce(async (db, ids, reason) => {
  if (!isHardBounce(reason)) return;
  for (const id of ids.slice(0, 50)) {
    const mail = await journeyMailOf(db, id);
    // Already suppressed (an earlier report of this bounce, an unsubscribe): the address is out of every send already.
    if (!mail || (await suppressionOf(db.kysely, mail.email))) continue;
    await suppress(db.kysely, mail.email, 'hard_bounce', { contactId: mail.contactId });
    try {
      await logInteraction(db, systemActor, { type: 'email', contactId: mail.contactId, subject: `Journey e-mail “${mail.journeyName}” bounced`, body: reason.slice(0, 500), direction: 'inbound', outcome: 'journey' });
    } catch {
      // The contact was deleted or erased since: the suppression stays, there is no timeline to add to.
    }
  }
});
