// HTTP routes of IM channels: admin management (secrets shown once) and the public inbound webhooks.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../../core/http/request-context.js';
import { idParams } from '../../../core/http/common-schemas.js';
import { channelSchema, channelWithSecret, createChannelBody, updateChannelBody } from './channel-schemas.js';
import { createImChannel, listImChannels, rotateImChannelSecret, updateImChannel } from './manage-channels.js';
import { channelInboundRoutes } from './channel-inbound-routes.js';

export const imRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['channels'];
  app.get('/im-channels', { config: { scope: 'service:read', access: 'admin' }, schema: { tags, summary: 'IM channels (generic connectors and Telegram bots)', response: { 200: z.object({ data: z.array(channelSchema) }) } } }, async (req) =>
    ({ data: await listImChannels(ctxOf(req).db) }),
  );
  app.post(
    '/im-channels',
    { config: { scope: 'service:write', access: 'admin' }, schema: { tags, summary: 'Create an IM channel; its signing secret is in this answer only', body: createChannelBody, response: { 201: channelWithSecret } } },
    async (req, reply) => reply.status(201).send(await createImChannel(ctxOf(req).db, req.body)),
  );
  app.patch('/im-channels/:id', { config: { scope: 'service:write', access: 'admin' }, schema: { tags, summary: 'Change an IM channel', params: idParams, body: updateChannelBody, response: { 200: channelSchema } } }, async (req) =>
    updateImChannel(ctxOf(req).db, req.params.id, req.body),
  );
  app.post(
    '/im-channels/:id/rotate-secret',
    { config: { scope: 'service:write', access: 'admin' }, schema: { tags, summary: 'Replace the channel secret; the new one is in this answer only', params: idParams, response: { 200: channelWithSecret } } },
    async (req) => rotateImChannelSecret(ctxOf(req).db, req.params.id),
  );
  await app.register(channelInboundRoutes);
};
