// Admin routes of web tracking: websites (site key, allowed origins, consent-first, signing secret shown once),
// refused events counted by reason, and the raw-event retention.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../../core/http/request-context.js';
import { idParams } from '../../../core/http/common-schemas.js';
import { getTrackingSettings, setTrackingSettings, trackingSettingsSchema } from './web-daily.js';
import { createWebSite, listWebSites, rotateWebSiteSecret, updateWebSite, webSiteInput, webSiteSchema } from './web-sites.js';

const rejectionSchema = z.object({ siteId: z.string().nullable(), reason: z.string(), count: z.number() });

export const siteRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['tracking'];
  const read = { scope: 'marketing:read', access: 'admin' } as const;
  const write = { scope: 'marketing:write', access: 'admin' } as const;
  app.get('/web-sites', { config: read, schema: { tags, summary: 'Websites that embed the tracking snippet', response: { 200: z.object({ data: z.array(webSiteSchema) }) } } }, async (req) => ({
    data: await listWebSites(ctxOf(req).db),
  }));
  app.post('/web-sites', { config: write, schema: { tags, summary: 'Register a website (its signing secret is shown only now)', body: webSiteInput, response: { 201: webSiteSchema } } }, async (req, reply) =>
    reply.status(201).send(await createWebSite(ctxOf(req).db, req.body)),
  );
  app.patch('/web-sites/:id', { config: write, schema: { tags, summary: 'Change a website', params: idParams, body: webSiteInput.partial(), response: { 200: webSiteSchema } } }, async (req) =>
    updateWebSite(ctxOf(req).db, req.params.id, req.body),
  );
  app.post('/web-sites/:id/rotate-secret', { config: write, schema: { tags, summary: 'Replace the signing secret (identify calls signed with the old one are refused)', params: idParams, response: { 200: webSiteSchema } } }, async (req) =>
    rotateWebSiteSecret(ctxOf(req).db, req.params.id),
  );
  app.get(
    '/web-sites/rejections',
    { config: read, schema: { tags, summary: 'Refused tracking requests and events of the last 30 days by site and reason (site null: unknown key or unreadable request)', response: { 200: z.object({ data: z.array(rejectionSchema) }) } } },
    async (req) => {
      const since = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
      const rows = await ctxOf(req)
        .db.kysely.selectFrom('webRejections')
        .select(['siteId', 'reason', (eb) => eb.fn.sum<number>('count').as('count')])
        .where('day', '>=', since)
        .groupBy(['siteId', 'reason'])
        .orderBy('siteId')
        .orderBy('reason')
        .execute();
      return { data: rows.map((r) => ({ siteId: r.siteId || null, reason: r.reason, count: Number(r.count) })) };
    },
  );
  app.get('/web-tracking/settings', { config: read, schema: { tags, summary: 'Web tracking settings (raw-event retention)', response: { 200: trackingSettingsSchema } } }, async (req) => getTrackingSettings(ctxOf(req).db.kysely));
  app.put('/web-tracking/settings', { config: write, schema: { tags, summary: 'Change the web tracking settings', body: trackingSettingsSchema.strict(), response: { 200: trackingSettingsSchema } } }, async (req) =>
    setTrackingSettings(ctxOf(req).db.kysely, req.body),
  );
};
