// Complaints about journey e-mails: a feedback report whose original carries one of our signed journey unsubscribe
// links (List-Unsubscribe, j.<enrolment>.<step>) suppresses the address the e-mail went to (and the one the report
// names), withdraws e-mail consent and notes it on the contact's timeline, as a campaign complaint does.
import { systemActor } from '../../../core/auth/actor.js';
import { logInteraction } from '../../interactions/index.js';
import { onInboundComplaint } from '../../service/index.js';
import { complaintDetail, unsubscribeTokenOf } from '../campaigns/campaign-complaints.js';
import { suppressionOf, withdrawAfterComplaint } from '../campaigns/suppression.js';
import { verifyJourneyToken } from '../campaigns/tracking-tokens.js';
import { journeyMailRecipient } from './journey-mail-events.js';

onInboundComplaint(async (db, report) => {
  for (const url of report.unsubscribeUrls) {
    const token = unsubscribeTokenOf(url);
    const ref = token ? verifyJourneyToken('unsubscribe', token) : null;
    const who = ref ? await journeyMailRecipient(db, ref) : null;
    if (!ref || !who || (await suppressionOf(db.kysely, who.email)) === 'complaint') continue;
    await withdrawAfterComplaint(db, [who.email, ...report.recipients], { contactId: who.contactId });
    const journey = await db.kysely.selectFrom('journeyEnrolments as e').innerJoin('journeys as j', 'j.id', 'e.journeyId').select('j.name').where('e.id', '=', ref.enrolmentId).executeTakeFirst();
    try {
      await logInteraction(db, systemActor, { type: 'email', contactId: who.contactId, subject: `Marked journey e-mail “${journey?.name ?? ''}” as spam`, body: complaintDetail(report), direction: 'inbound', outcome: 'journey' });
    } catch {
      // The contact was deleted or erased since: the suppression stays, there is no timeline to add to.
    }
  }
});
