// Admin routes for chat-widget channels: create one per site (the snippet to paste and the signing secret, shown once),
// change its look, origins and team, and rotate the secret.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../../core/http/request-context.js';
import { idParams } from '../../../core/http/common-schemas.js';
import { createWidgetChannel, listWidgetChannels, rotateWidgetSecret, updateWidgetChannel, widgetChannelInput, widgetChannelSchema } from './widget-channels.js';

export const widgetChannelRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['widget'];
  app.get('/widget-channels', { config: { scope: 'service:read', access: 'admin' }, schema: { tags, summary: 'Chat-widget channels', response: { 200: z.object({ data: z.array(widgetChannelSchema) }) } } }, async (req) => ({
    data: await listWidgetChannels(ctxOf(req).db),
  }));
  app.post('/widget-channels', { config: { scope: 'service:write', access: 'admin' }, schema: { tags, summary: 'Create a chat-widget channel (its secret is shown only now)', body: widgetChannelInput, response: { 201: widgetChannelSchema } } }, async (req, reply) =>
    reply.status(201).send(await createWidgetChannel(ctxOf(req).db, req.body)),
  );
  app.patch('/widget-channels/:id', { config: { scope: 'service:write', access: 'admin' }, schema: { tags, summary: 'Change a chat-widget channel', params: idParams, body: widgetChannelInput.partial(), response: { 200: widgetChannelSchema } } }, async (req) =>
    updateWidgetChannel(ctxOf(req).db, req.params.id, req.body),
  );
  app.post('/widget-channels/:id/rotate-secret', { config: { scope: 'service:write', access: 'admin' }, schema: { tags, summary: 'Replace the signing secret (identity tokens and visitor sessions of the old one stop working)', params: idParams, response: { 200: widgetChannelSchema } } }, async (req) =>
    rotateWidgetSecret(ctxOf(req).db, req.params.id),
  );
};
