// The chat widget's public side, outside /api (no session cookie of the app is read or set here): the script
// (/widget.js), the visitor endpoints under /widget/v1 with CORS for any embedding site, and the visitor's WebSocket.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../core/errors.js';
import { liveSocketsOf } from '../inbox/live-sockets.js';
import { checkOrigin, loadWidgetChannel } from './widget-channels.js';
import { limitAddress, limitVisitorMessage } from './widget-limits.js';
import { authenticateVisitor, mailTranscript, postVisitorMessage, sessionInput, startVisitorSession, visitorHistory, visitorMessageInput, type Visitor } from './widget-service.js';
import { attachVisitorSocket } from './widget-socket.js';

const visitorMessageSchema = z.object({ id: z.string(), direction: z.enum(['in', 'out']), authorKind: z.string(), authorName: z.string().nullable(), bodyText: z.string(), createdAt: z.string() });

const bearer = (req: FastifyRequest) => (req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7).trim() : undefined);

export const widgetRoutes: FastifyPluginAsyncZod<{ webDir?: string }> = async (app, opts) => {
  const tags = ['widget'];
  const visitor = async (req: FastifyRequest): Promise<Visitor> => {
    const v = await authenticateVisitor(app.db, bearer(req));
    checkOrigin(v.channel, req.headers.origin);
    return v;
  };

  // Any site may call these (the channel's origin list is checked per request); never with credentials.
  app.addHook('onRequest', async (req, reply: FastifyReply) => {
    reply.header('cross-origin-resource-policy', 'cross-origin');
    if (!req.url.startsWith('/widget/')) return;
    reply.header('access-control-allow-origin', req.headers.origin ?? '*');
    reply.header('vary', 'Origin');
  });
  app.options('/widget/v1/*', { config: { scope: 'public' }, schema: { hide: true } }, async (_req, reply) =>
    reply
      .header('access-control-allow-methods', 'GET, POST')
      .header('access-control-allow-headers', 'authorization, content-type')
      .header('access-control-max-age', '600')
      .status(204)
      .send(),
  );

  app.get('/widget.js', { config: { scope: 'public' }, schema: { hide: true } }, async (_req, reply) => {
    const file = opts.webDir ? path.join(path.resolve(opts.webDir), 'widget.js') : null;
    if (!file || !existsSync(file)) throw new AppError('not_found', 'The chat widget is not built on this server: run npm run build');
    return reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .header('last-modified', statSync(file).mtime.toUTCString())
      .send(readFileSync(file));
  });

  app.get(
    '/widget/v1/channels/:id',
    { config: { scope: 'public' }, schema: { tags, summary: "A widget channel's look (public)", params: z.object({ id: z.string().max(100) }) } },
    async (req) => {
      const channel = await loadWidgetChannel(app.db, req.params.id);
      if (!channel) throw new AppError('not_found', 'This chat is not available');
      checkOrigin(channel, req.headers.origin);
      const { color, greetingEn, greetingZh, askEmail } = channel.config;
      return { name: channel.name, color, greetingEn, greetingZh, askEmail };
    },
  );

  app.post(
    '/widget/v1/session',
    { config: { scope: 'public' }, schema: { tags, summary: 'Start or resume a visitor session: anonymous (anonymousId) or identified (identity token signed by the site)', body: sessionInput } },
    async (req) => {
      limitAddress(req.ip);
      const channel = await loadWidgetChannel(app.db, req.body.channelId);
      if (channel) checkOrigin(channel, req.headers.origin);
      return startVisitorSession(app.db, req.body);
    },
  );

  app.get('/widget/v1/messages', { config: { scope: 'public' }, schema: { tags, summary: "The visitor's own conversation (Authorization: Bearer <visitor token>)", response: { 200: z.object({ status: z.string().nullable(), messages: z.array(visitorMessageSchema) }) } } }, async (req) =>
    visitorHistory(app.db, await visitor(req)),
  );

  app.post(
    '/widget/v1/messages',
    { config: { scope: 'public' }, bodyLimit: 32 * 1024, schema: { tags, summary: 'Send a message as the visitor (the fallback when the WebSocket is down)', body: visitorMessageInput } },
    async (req, reply) => {
      const v = await visitor(req);
      limitVisitorMessage(v.session.visitorId, req.ip);
      return reply.status(201).send(await postVisitorMessage(app.db, v, req.body));
    },
  );

  app.post(
    '/widget/v1/transcript',
    { config: { scope: 'public' }, schema: { tags, summary: 'E-mail the conversation to the visitor', body: z.strictObject({ email: z.email().max(254).optional() }) } },
    async (req, reply) => reply.status(202).send(await mailTranscript(app.db, await visitor(req), req.body.email)),
  );

  app.get('/widget/v1/live', { websocket: true, config: { scope: 'public' }, schema: { hide: true } }, (socket, req) => {
    const token = new URL(req.url, 'http://x').searchParams.get('token') ?? undefined;
    attachVisitorSocket(app.db, liveSocketsOf(app.db, app.realtime), socket, { token, origin: req.headers.origin, ip: req.ip });
  });
};
