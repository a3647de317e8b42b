// The unsubscribe page of a journey e-mail (the campaigns' /mail/u/ route hands journey tokens here): the same
// question, one-click POST and answer as a campaign's, in the e-mail's language, with the address masked.
import type { FastifyReply } from 'fastify';
import type { Db } from '../../../core/db/database.js';
import { escapeHtml, maskEmail, page, pageWords } from '../campaigns/public-pages.js';
import { journeyMailRecipient, recordJourneyUnsubscribe, type JourneyMailRef } from './journey-mail-events.js';

export async function journeyUnsubscribe(db: Db, ref: JourneyMailRef, act: 'show' | 'page' | 'one-click', answer: (status: number, html: string) => FastifyReply, refused: () => FastifyReply): Promise<FastifyReply> {
  const who = await journeyMailRecipient(db, ref);
  if (!who) return refused();
  const w = pageWords(who.language);
  const email = maskEmail(who.email);
  if (act === 'show' && !who.unsubscribed) {
    const form = `<p>${escapeHtml(w.unsubscribeAsk(email))}</p><form method="post"><button type="submit">${escapeHtml(w.unsubscribeButton)}</button></form>`;
    return answer(200, page(who.language, w.unsubscribeTitle, form));
  }
  if (act !== 'show') await recordJourneyUnsubscribe(db, who);
  return answer(200, page(who.language, w.unsubscribedTitle, `<p>${escapeHtml(w.unsubscribedText(email))}</p>`));
}
