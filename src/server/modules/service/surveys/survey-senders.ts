// Sends pending surveys: the one-click link by e-mail (through the mail outbox) and, in the ticket's chat or IM
// conversations, as a message from the bot; a survey nobody can be reached for is marked skipped.
import type { Db } from '../../../core/db/database.js';
import { registerPoller } from '../../../core/jobs/worker.js';
import { nowIso } from '../../../core/ids.js';
import { queueMail } from '../../../core/mail/mail-outbox.js';
import { mailConfigured } from '../../../core/mail/smtp-settings.js';
import { appendMessage } from '../conversations/append-message.js';
import { surveyToken } from './survey-token.js';
import { surveyBaseUrl, surveyChatMessage, surveyEmail, surveyLang } from './survey-wording.js';
import './survey-consumer.js';
import './survey-contact-data.js';

export async function sendPendingSurveys(db: Db, batch = 20): Promise<number> {
  const due = await db.kysely.selectFrom('surveys').selectAll().where('state', '=', 'pending').orderBy('createdAt').limit(batch).execute();
  if (due.length === 0) return 0;
  // Outgoing mail is set up in Settings → Email or by SMTP_URL; without either, only chat and IM can carry the link.
  const mailReady = await mailConfigured(db.kysely);
  let handled = 0;
  for (const s of due) {
    const claimed = await db.kysely.updateTable('surveys').set({ state: 'sending' }).where('id', '=', s.id).where('state', '=', 'pending').executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    handled++;
    const ticket = await db.kysely.selectFrom('tickets').select(['number', 'subject']).where('id', '=', s.ticketId).executeTakeFirstOrThrow();
    const contact = s.contactId ? await db.kysely.selectFrom('contacts').select(['primaryEmail']).where('id', '=', s.contactId).executeTakeFirst() : undefined;
    const lang = surveyLang(s.language);
    const link = `${surveyBaseUrl()}/s/${await surveyToken(db.kysely, s.id, s.expiresAt)}`;
    const via: string[] = [];
    if (contact?.primaryEmail && mailReady) {
      await queueMail(db.kysely, { to: contact.primaryEmail, ...surveyEmail(lang, ticket, link), kind: 'survey' });
      via.push('email');
    }
    const chats = await db.kysely.selectFrom('conversations').select(['id', 'channelKind']).where('ticketId', '=', s.ticketId).where('channelKind', 'in', ['chat', 'im']).execute();
    for (const c of chats) {
      await appendMessage(db, { channelKind: c.channelKind, conversationId: c.id }, { direction: 'out', authorKind: 'bot', bodyText: surveyChatMessage(lang, ticket, link), headers: { survey: s.id } });
      if (!via.includes(c.channelKind)) via.push(c.channelKind);
    }
    await db.kysely
      .updateTable('surveys')
      .set({ state: via.length ? 'sent' : 'skipped', sentVia: via.join(',') || null, sentAt: via.length ? nowIso() : null })
      .where('id', '=', s.id)
      .execute();
  }
  return handled;
}

registerPoller({ name: 'service.surveys-send', run: (db) => sendPendingSurveys(db), idleMs: 2000 });
