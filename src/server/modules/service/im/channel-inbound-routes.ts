// Public inbound webhooks of IM channels: the generic signed JSON API and Telegram's webhook. Each route reads the
// raw body (size-limited), checks the signature or secret token, stores the body as received, then processes it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../core/errors.js';
import { sendProblem } from '../../../core/http/error-handler.js';
import { idParams } from '../../../core/http/common-schemas.js';
import { processInbound, storeInbound } from '../conversations/inbound-store.js';
import { genericInbound } from './channel-schemas.js';
import { checkChannelSignature, sameSecret } from './channel-signature.js';
import { openSecret } from './channel-secrets.js';
import { GENERIC_SOURCE, TELEGRAM_SOURCE } from './im-processors.js';
import { telegramUpdate } from './telegram-update.js';

export const MAX_INBOUND_BYTES = 64 * 1024;
const accepted = z.object({ status: z.enum(['done', 'pending']), id: z.string() });

async function enabledChannel(req: FastifyRequest, kind: 'generic' | 'telegram') {
  const { id } = req.params as { id: string };
  const ch = await req.server.db.kysely.selectFrom('service_channels').select(['id', 'kind', 'secret', 'enabled']).where('id', '=', id).executeTakeFirst();
  if (!ch || ch.kind !== kind || ch.enabled !== 1 || !ch.secret) throw new AppError('not_found', 'No enabled channel of this kind has that id');
  return { ...ch, secret: openSecret(ch.secret) };
}

/** Store first, then process: a rejection (bad JSON, bad shape) stays in the inbound store with its reason. */
async function storeAndProcess(req: FastifyRequest, reply: FastifyReply, source: string, channelId: string, raw: string) {
  const db = req.server.db;
  const id = await storeInbound(db, source, channelId, raw);
  const outcome = await processInbound(db, id);
  if (outcome.state === 'rejected') {
    req.log.warn({ inboundId: id, channelId, source, reason: outcome.error }, 'inbound message rejected');
    const malformed = outcome.error === 'The body is not valid JSON.';
    return sendProblem(reply, 400, malformed ? 'Malformed JSON' : 'Bad request', malformed ? 'The request body is not valid JSON' : (outcome.error ?? 'The message was rejected'));
  }
  // A transient failure is retried by the inbound poller: the sender need not resend.
  return reply.status(outcome.state === 'done' ? 200 : 202).send({ status: outcome.state === 'done' ? 'done' : 'pending', id });
}

// The body is verified and stored as the exact bytes received, so the schema documents it without re-validating.
const asReceived = () => (data: unknown) => ({ value: data });

export const channelInboundRoutes: FastifyPluginAsyncZod = async (app) => {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: MAX_INBOUND_BYTES }, (_req, body, done) => done(null, body));
  const tags = ['channels'];

  app.post(
    '/channels/:id/inbound',
    {
      config: { scope: 'public' },
      validatorCompiler: ({ httpPart }) => (httpPart === 'body' ? asReceived() : (d: unknown) => ({ value: d })),
      schema: {
        tags,
        summary: 'A connector delivers a customer message (signed JSON)',
        description:
          'Sign the exact body: header `Rapport-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the channel secret>`. Timestamps more than 5 minutes off are refused (replays). Body at most 64 KiB. The message is stored as received before it is processed; `messageId` makes redeliveries harmless. Agent replies are POSTed to the channel\'s webhook URL with the same signature header.',
        params: idParams,
        body: genericInbound,
        response: { 200: accepted, 202: accepted },
      },
    },
    async (req, reply) => {
      const ch = await enabledChannel(req, 'generic');
      const raw = typeof req.body === 'string' ? req.body : '';
      const check = checkChannelSignature(ch.secret, raw, req.headers['rapport-signature'] as string | undefined);
      if (check === 'stale') throw new AppError('unauthenticated', 'The signature timestamp is more than 5 minutes off: refused as a possible replay');
      if (check !== 'ok') throw new AppError('unauthenticated', 'The Rapport-Signature header is missing or does not match the body');
      return storeAndProcess(req, reply, GENERIC_SOURCE, ch.id, raw);
    },
  );

  app.post(
    '/channels/:id/telegram',
    {
      config: { scope: 'public' },
      validatorCompiler: ({ httpPart }) => (httpPart === 'body' ? asReceived() : (d: unknown) => ({ value: d })),
      schema: {
        tags,
        summary: 'Telegram Bot API webhook (set it with setWebhook and the channel secret as secret_token)',
        description: 'Telegram sends the secret in `X-Telegram-Bot-Api-Secret-Token`; a request without it is refused. Text messages (and captions) become customer messages; other updates are kept raw and acknowledged.',
        params: idParams,
        body: telegramUpdate,
        response: { 200: accepted, 202: accepted },
      },
    },
    async (req, reply) => {
      const ch = await enabledChannel(req, 'telegram');
      if (!sameSecret(ch.secret, req.headers['x-telegram-bot-api-secret-token'] as string | undefined)) {
        throw new AppError('unauthenticated', 'The X-Telegram-Bot-Api-Secret-Token header is missing or wrong');
      }
      return storeAndProcess(req, reply, TELEGRAM_SOURCE, ch.id, typeof req.body === 'string' ? req.body : '');
    },
  );
};
