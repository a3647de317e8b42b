// Public endpoints of campaign e-mails, outside /api and without any session: the open pixel, click redirects and the
// unsubscribe page with its one-click POST (RFC 8058). Hostile input: tokens are length-checked and HMAC-verified
// before any lookup, bodies are tiny, each client address is rate-limited, the event is stored before anything else,
// and a database failure still answers (a pixel, or a page), never a 500 with details.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TokenBuckets } from '../../../core/http/token-buckets.js';
import { findRecipient, recordClick, recordOpen, recordUnsubscribe } from './campaign-engagement.js';
import { browserLanguage, escapeHtml, maskEmail, page, pageWords, type PageLanguage } from './public-pages.js';
import { recordJourneyClick, recordJourneyOpen } from '../journeys/journey-mail-events.js';
import { journeyUnsubscribe } from '../journeys/journey-unsubscribe.js';
import { verifyJourneyToken, verifyToken } from './tracking-tokens.js';

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const perMinute = () => Number(process.env.RAPPORT_MAIL_TRACKING_PER_MINUTE ?? 600);
const perAddress = TokenBuckets.perMinute(perMinute);
const tokenParams = z.object({ token: z.string().max(120) });

export function resetTrackingLimits(): void {
  perAddress.reset();
}

const html = (reply: FastifyReply, status: number, body: string) => reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').send(body);
const refused = (req: FastifyRequest, reply: FastifyReply) => {
  const w = pageWords(browserLanguage(req));
  return html(reply, 404, page(browserLanguage(req), w.invalidTitle, `<p>${escapeHtml(w.invalidText)}</p>`));
};
const tooFast = (req: FastifyRequest, reply: FastifyReply) => {
  const w = pageWords(browserLanguage(req));
  return html(reply.header('retry-after', '60'), 429, page(browserLanguage(req), w.busyTitle, `<p>${escapeHtml(w.busyText)}</p>`));
};

export const trackingRoutes: FastifyPluginAsyncZod = async (app) => {
  // One-click unsubscribes post "List-Unsubscribe=One-Click" as a form; nothing here needs more than a few bytes.
  app.addContentTypeParser(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'], { parseAs: 'string', bodyLimit: 2048 }, (_req, body, done) => done(null, body));
  const hide = { hide: true };

  app.get('/mail/o/:file', { config: { scope: 'public' }, schema: { ...hide, params: z.object({ file: z.string().max(130) }) } }, async (req, reply) => {
    reply.type('image/gif').header('cache-control', 'no-store, private');
    if (!perAddress.take(req.ip)) return reply.status(429).send(GIF);
    const raw = req.params.file.replace(/\.gif$/, '');
    const token = verifyToken('open', raw);
    const journey = token ? null : verifyJourneyToken('open', raw);
    if (!token && !journey) return reply.status(404).send(GIF);
    try {
      const r = token && (await findRecipient(app.db, token.recipientId));
      if (r) await recordOpen(app.db, r, String(req.headers['user-agent'] ?? '').slice(0, 300) || null);
      if (journey) await recordJourneyOpen(app.db, journey);
    } catch (err) {
      req.log.error({ err }, 'campaign open not recorded');
    }
    return reply.send(GIF);
  });

  app.get('/mail/c/:token', { config: { scope: 'public' }, schema: { ...hide, params: tokenParams } }, async (req, reply) => {
    if (!perAddress.take(req.ip)) return tooFast(req, reply);
    const token = verifyToken('click', req.params.token);
    const journey = token ? null : verifyJourneyToken('click', req.params.token);
    if (journey) {
      const target = await recordJourneyClick(app.db, journey, journey.linkIndex!);
      return target ? reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').redirect(target, 302) : refused(req, reply);
    }
    if (!token) return refused(req, reply);
    const r = await findRecipient(app.db, token.recipientId);
    const link = r ? await app.db.kysely.selectFrom('campaignLinks').select('url').where('campaignId', '=', r.campaignId).where('idx', '=', token.linkIndex!).executeTakeFirst() : undefined;
    if (!r || !link || !/^https?:\/\//i.test(link.url)) return refused(req, reply);
    try {
      await recordClick(app.db, r, link.url);
    } catch (err) {
      req.log.error({ err }, 'campaign click not recorded');
    }
    return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').redirect(link.url, 302);
  });

  const unsubscribePage = async (req: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply, act: 'show' | 'page' | 'one-click') => {
    if (!perAddress.take(req.ip)) return tooFast(req, reply);
    const journey = verifyJourneyToken('unsubscribe', req.params.token);
    if (journey) return journeyUnsubscribe(app.db, journey, act, (status, body) => html(reply, status, body), () => refused(req, reply));
    const token = verifyToken('unsubscribe', req.params.token);
    const r = token ? await findRecipient(app.db, token.recipientId) : undefined;
    if (!r) return refused(req, reply);
    const lang = r.language as PageLanguage;
    const w = pageWords(lang);
    const email = maskEmail(r.email);
    if (act === 'show' && !r.unsubscribedAt) {
      const form = `<p>${escapeHtml(w.unsubscribeAsk(email))}</p><form method="post"><button type="submit">${escapeHtml(w.unsubscribeButton)}</button></form>`;
      return html(reply, 200, page(lang, w.unsubscribeTitle, form));
    }
    if (act !== 'show') await recordUnsubscribe(app.db, r, act);
    return html(reply, 200, page(lang, w.unsubscribedTitle, `<p>${escapeHtml(w.unsubscribedText(email))}</p>`));
  };
  app.get('/mail/u/:token', { config: { scope: 'public' }, schema: { ...hide, params: tokenParams } }, (req, reply) => unsubscribePage(req, reply, 'show'));
  app.post('/mail/u/:token', { config: { scope: 'public' }, schema: { ...hide, params: tokenParams } }, (req, reply) =>
    unsubscribePage(req, reply, /List-Unsubscribe=One-Click/i.test(typeof req.body === 'string' ? req.body : '') ? 'one-click' : 'page'),
  );
};
