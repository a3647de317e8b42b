// HTTP routes of leads: inbound capture, the list ('my leads' with owner=me), one lead, behaviour, conversion.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../../core/http/request-context.js';
import { listOf } from '../../../core/http/common-schemas.js';
import { readLeadScore } from '../scoring/lead-score-view.js';
import { activityInput, activitySchema, captureLeadInput, contactIdParams, convertInput, leadDetailSchema, leadListQuery, leadSchema, leadStatusInput } from './lead-schemas.js';
import { captureLead } from './capture-lead.js';
import { getLead, listActivity, listLeads } from './lead-repository.js';
import { recordActivity } from './record-activity.js';
import { convertLead } from './convert-lead.js';
import { setLeadStatus } from './set-lead-status.js';

export const leadRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['leads'];
  app.post(
    '/leads',
    { config: { scope: 'sales:write' },
      schema: {
        tags,
        summary: 'Capture a lead from a web form or another system (matches the contact by email, then phone)',
        body: captureLeadInput,
        response: { 201: z.object({ lead: leadSchema, created: z.boolean(), matchedBy: z.enum(['email', 'phone']).nullable() }), 200: z.object({ lead: leadSchema, created: z.boolean(), matchedBy: z.enum(['email', 'phone']).nullable() }) },
      },
    },
    async (req, reply) => {
      const { db, actor } = ctxOf(req);
      const result = await captureLead(db, actor, req.body);
      return reply.status(result.created ? 201 : 200).send(result);
    },
  );
  app.get('/leads', { config: { scope: 'sales:read' }, schema: { tags, summary: 'Leads, filtered (owner=me for my leads, status, source, minScore/maxScore) and sorted (score or createdAt)', querystring: leadListQuery, response: { 200: listOf(leadSchema) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return listLeads(db, actor, req.query);
  });
  app.get('/leads/:contactId', { config: { scope: 'sales:read' }, schema: { tags, summary: 'One lead with its score breakdown and behaviour', params: contactIdParams, response: { 200: leadDetailSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    const lead = await getLead(db, actor, req.params.contactId);
    return { ...lead, scoring: await readLeadScore(db.kysely, lead.contactId), activity: await listActivity(db.kysely, lead.contactId) };
  });
  app.post('/leads/:contactId/activity', { config: { scope: 'sales:write' }, schema: { tags, summary: 'Record a behaviour (email opened, page visited, form submitted)', params: contactIdParams, body: activityInput, response: { 201: activitySchema } } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    return reply.status(201).send(await recordActivity(db, actor, req.params.contactId, req.body));
  });
  app.patch('/leads/:contactId', { config: { scope: 'sales:write' }, schema: { tags, summary: 'Set a lead working, disqualified (with a reason) or new again', params: contactIdParams, body: leadStatusInput, response: { 200: leadSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return setLeadStatus(db, actor, req.params.contactId, req.body);
  });
  app.post(
    '/leads/:contactId/convert',
    { config: { scope: 'sales:write' }, schema: { tags, summary: 'Qualify a lead (stage qualified or opportunity), keeping its history', params: contactIdParams, body: convertInput, response: { 200: z.object({ lead: leadSchema, dealId: z.string().nullable(), dealCreated: z.boolean() }) } } },
    async (req) => {
      const { db, actor } = ctxOf(req);
      return convertLead(db, actor, req.params.contactId, req.body);
    },
  );
};
