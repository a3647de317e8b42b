// HTTP routes of e-mail campaigns (/campaigns): CRUD of drafts, template preview and test send, schedule (managers:
// a send reaches the whole segment, beyond the sender's own records), cancel, and the report.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../../core/http/request-context.js';
import { idParams, listOf } from '../../../core/http/common-schemas.js';
import { campaignReport } from './campaign-report.js';
import { previewTemplate, testSendCampaign } from './campaign-preview.js';
import { campaignSchema, campaignStatuses, createCampaignBody, patchCampaignBody, previewBody, previewSchema, reportSchema, scheduleBody, testSendBody } from './campaign-schemas.js';
import { cancelCampaign, createCampaign, deleteCampaign, getCampaign, listCampaigns, scheduleCampaign, updateCampaign } from './campaign-service.js';

const listQuery = z.object({ status: z.enum(campaignStatuses).optional(), limit: z.coerce.number().int().min(1).max(500).default(50), cursor: z.string().max(500).optional() });

export const campaignRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['campaigns'];
  const read = { scope: 'marketing:read' as const };
  const write = { scope: 'marketing:write' as const };
  const send = { scope: 'marketing:write' as const, access: 'manager' as const };

  app.get('/campaigns', { config: read, schema: { tags, summary: 'E-mail campaigns, newest first, with sent / open / click figures over the recipients the caller may see', querystring: listQuery, response: { 200: listOf(campaignSchema) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return listCampaigns(db, actor, req.query);
  });
  app.post('/campaigns', { config: write, schema: { tags, summary: 'Create a draft campaign', body: createCampaignBody, response: { 201: campaignSchema } } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    return reply.status(201).send(await createCampaign(db, actor, req.body));
  });
  app.post('/campaigns/preview', { config: read, schema: { tags, summary: 'Render a template (blocks → MJML → HTML) as a chosen contact, without saving', body: previewBody, response: { 200: previewSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return previewTemplate(db, actor, req.body);
  });
  app.get('/campaigns/:id', { config: read, schema: { tags, summary: 'A campaign', params: idParams, response: { 200: campaignSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return getCampaign(db, actor, req.params.id);
  });
  app.patch('/campaigns/:id', { config: write, schema: { tags, summary: 'Change a draft (after sending: only name, cost, currency and attribution window)', params: idParams, body: patchCampaignBody, response: { 200: campaignSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return updateCampaign(db, actor, req.params.id, req.body);
  });
  app.delete('/campaigns/:id', { config: write, schema: { tags, summary: 'Delete a campaign that is not scheduled or sending', params: idParams } }, async (req, reply) => {
    const { db } = ctxOf(req);
    await deleteCampaign(db, req.params.id);
    return reply.status(204).send();
  });
  app.post('/campaigns/:id/test-send', { config: write, schema: { tags, summary: 'Send the e-mail once to an address, as a chosen contact, marked [Test]', params: idParams, body: testSendBody, response: { 202: z.object({ queued: z.literal(true) }) } } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    return reply.status(202).send(await testSendCampaign(db, actor, req.params.id, req.body.to, req.body.contactId));
  });
  app.post('/campaigns/:id/schedule', { config: send, schema: { tags, summary: 'Send now, or at a local time in a time zone (managers)', params: idParams, body: scheduleBody, response: { 200: campaignSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return scheduleCampaign(db, actor, req.params.id, req.body);
  });
  app.post('/campaigns/:id/cancel', { config: send, schema: { tags, summary: 'Cancel a scheduled (back to draft) or sending campaign (managers)', params: idParams, response: { 200: campaignSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return cancelCampaign(db, actor, req.params.id);
  });
  app.get('/campaigns/:id/report', { config: read, schema: { tags, summary: 'Delivery, opens, clicks per link, unsubscribes, bounces, complaints and ROI over the recipients the caller may see', params: idParams, response: { 200: reportSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return campaignReport(db, actor, req.params.id);
  });
};
