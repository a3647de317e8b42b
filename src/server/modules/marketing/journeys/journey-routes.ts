// HTTP routes of journeys (/journeys): CRUD, activate/pause, manual enrolment, enrolments, analytics, a contact's
// journeys, and the public open/click links of journey e-mails.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../../core/http/request-context.js';
import { idParams, listOf } from '../../../core/http/common-schemas.js';
import { analyticsSchema, contactJourneySchema, createJourneyBody, enrolBody, enrolmentQuery, enrolmentSchema, enrolResult, journeySchema, patchJourneyBody } from './journey-schemas.js';
import { createJourney, deleteJourney, journeyRow, listJourneys, setJourneyStatus, toJourney, updateJourney } from './journey-service.js';
import { journeyAnalytics } from './journey-analytics.js';
import { contactJourneys, enrolManually, listEnrolments } from './journey-enrolments.js';

export const journeyRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['journeys'];
  const read = { scope: 'marketing:read' as const };
  const write = { scope: 'marketing:write' as const };

  app.get('/journeys', { config: read, schema: { tags, summary: 'Every journey', response: { 200: z.object({ data: z.array(journeySchema) }) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return { data: await listJourneys(db, actor) };
  });
  app.post('/journeys', { config: write, schema: { tags, summary: 'Create a journey (a draft): trigger, steps, goal, re-entry', body: createJourneyBody, response: { 201: journeySchema } } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    return reply.status(201).send(await createJourney(db, actor, req.body));
  });
  app.get('/journeys/:id', { config: read, schema: { tags, summary: 'A journey', params: idParams, response: { 200: journeySchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return toJourney(await journeyRow(db, req.params.id), actor);
  });
  app.patch('/journeys/:id', { config: write, schema: { tags, summary: 'Rename a journey, or change its definition while it is a draft or paused', params: idParams, body: patchJourneyBody, response: { 200: journeySchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return updateJourney(db, actor, req.params.id, req.body);
  });
  app.delete('/journeys/:id', { config: write, schema: { tags, summary: 'Delete a journey with its enrolments', params: idParams } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    await deleteJourney(db, actor, req.params.id);
    return reply.status(204).send();
  });
  app.post('/journeys/:id/activate', { config: write, schema: { tags, summary: 'Start (or resume) a journey: its trigger enrols contacts and their steps run', params: idParams, response: { 200: journeySchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return setJourneyStatus(db, actor, req.params.id, 'active');
  });
  app.post('/journeys/:id/pause', { config: write, schema: { tags, summary: 'Pause a journey: no one enters and no step runs until it is activated again', params: idParams, response: { 200: journeySchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return setJourneyStatus(db, actor, req.params.id, 'paused');
  });
  app.post('/journeys/:id/enrolments', { config: write, schema: { tags, summary: 'Enrol chosen contacts or a segment’s members (those the caller may see) into an active journey', params: idParams, body: enrolBody, response: { 200: enrolResult } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return enrolManually(db, actor, req.params.id, req.body);
  });
  app.get('/journeys/:id/enrolments', { config: read, schema: { tags, summary: 'A journey’s enrolments (contacts the caller may see), newest first', params: idParams, querystring: enrolmentQuery, response: { 200: listOf(enrolmentSchema) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return listEnrolments(db, actor, req.params.id, req.query);
  });
  app.get('/journeys/:id/analytics', { config: read, schema: { tags, summary: 'Counts per status and per step, and conversion to the goal (contacts the caller may see)', params: idParams, response: { 200: analyticsSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return journeyAnalytics(db, actor, req.params.id);
  });
  app.get('/contacts/:id/journeys', { config: read, schema: { tags, summary: 'A contact’s journeys with every step it went through', params: idParams, response: { 200: z.object({ data: z.array(contactJourneySchema) }) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return { data: await contactJourneys(db, actor, req.params.id) };
  });
};
