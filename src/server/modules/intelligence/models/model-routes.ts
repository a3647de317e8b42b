// HTTP routes of predictive models: define (admin), train as a job (admin), the model card and versions, the scored
// contacts with reasons, a contact's scores, and a person's correction of a contact's label.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, requireAdmin } from '../../../core/http/request-context.js';
import { idParams } from '../../../core/http/common-schemas.js';
import { jobSchema } from '../../../core/jobs/job-queue.js';
import { startTraining } from './model-jobs.js';
import { contactScoreSchema, correctionInput, correctionResult, modelInput, modelPatch, modelSchema, scoredContactSchema, scoreOfContactSchema, scoresOfContactsQuery, scoresQuery, versionSchema } from './model-schemas.js';
import { contactScores, correctLabel, listModelScores, scoresOfContacts } from './model-scores.js';
import { createModel, deleteModel, getModel, listModels, listVersions, updateModel } from './model-store.js';

export const modelRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['intelligence'];
  app.get('/intelligence/models', { config: { scope: 'sales:read' }, schema: { tags, summary: 'Predictive models (churn, purchase propensity, lead conversion, custom) with their latest model card', response: { 200: z.object({ data: z.array(modelSchema) }) } } }, async (req) => {
    const { db } = ctxOf(req);
    return { data: await listModels(db.kysely) };
  });
  app.post('/intelligence/models', { config: { scope: 'sales:write', access: 'admin' }, schema: { tags, summary: 'Define a model: kind, window, label (custom: a yes/no custom field or a lifecycle stage), threshold (admin)', body: modelInput, response: { 201: modelSchema } } }, async (req, reply) => {
    const { db, actor } = requireAdmin(req);
    return reply.status(201).send(await createModel(db, actor.id, req.body));
  });
  app.get('/intelligence/models/:id', { config: { scope: 'sales:read' }, schema: { tags, summary: 'A model with its latest model card (AUC, precision/recall at the threshold, calibration, top features)', params: idParams, response: { 200: modelSchema } } }, async (req) => {
    const { db } = ctxOf(req);
    return getModel(db.kysely, req.params.id);
  });
  app.patch('/intelligence/models/:id', { config: { scope: 'sales:write', access: 'admin' }, schema: { tags, summary: "Rename a model or change its threshold (admin)", params: idParams, body: modelPatch, response: { 200: modelSchema } } }, async (req) => {
    const { db } = requireAdmin(req);
    return updateModel(db, req.params.id, req.body);
  });
  app.delete('/intelligence/models/:id', { config: { scope: 'sales:write', access: 'admin' }, schema: { tags, summary: 'Delete a model with its versions, scores and corrections (admin)', params: idParams, response: { 204: z.null() } } }, async (req, reply) => {
    const { db } = requireAdmin(req);
    await deleteModel(db, req.params.id);
    return reply.status(204).send(null);
  });
  app.post('/intelligence/models/:id/train', { config: { scope: 'sales:write', access: 'admin' }, schema: { tags, summary: 'Train the model now as a job, then score the contacts (admin; also weekly)', params: idParams, response: { 202: jobSchema } } }, async (req, reply) => {
    const { db, actor } = requireAdmin(req);
    return reply.status(202).send(await startTraining(db, req.params.id, actor.id));
  });
  app.get('/intelligence/models/:id/versions', { config: { scope: 'sales:read' }, schema: { tags, summary: "A model's trained versions, newest first", params: idParams, response: { 200: z.object({ data: z.array(versionSchema) }) } } }, async (req) => {
    const { db } = ctxOf(req);
    return { data: await listVersions(db.kysely, req.params.id) };
  });
  app.get('/intelligence/models/:id/scores', { config: { scope: 'sales:read' }, schema: { tags, summary: 'The scored contacts you may see, highest score first, each with its top reasons', params: idParams, querystring: scoresQuery, response: { 200: z.object({ data: z.array(scoredContactSchema), nextCursor: z.string().nullable() }) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return listModelScores(db.kysely, actor, req.params.id, req.query);
  });
  app.post('/intelligence/models/:id/corrections', { config: { scope: 'sales:write' }, schema: { tags, summary: "Correct a contact's label for this model (recorded; used as a training label from the next training)", params: idParams, body: correctionInput, response: { 201: correctionResult } } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    return reply.status(201).send(await correctLabel(db, actor, req.params.id, req.body.contactId, req.body));
  });
  app.get('/intelligence/model-scores', { config: { scope: 'sales:read' }, schema: { tags, summary: 'Every model\'s score of the given contacts (up to 200, comma-separated; those you may not see are left out), e.g. for a score column in the contacts list', querystring: scoresOfContactsQuery, response: { 200: z.object({ data: z.array(scoreOfContactSchema) }) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return { data: await scoresOfContacts(db.kysely, actor, req.query.contactIds) };
  });
  app.get('/contacts/:id/model-scores', { config: { scope: 'sales:read' }, schema: { tags, summary: "A contact's predictive scores with their reasons and any correction", params: idParams, response: { 200: z.object({ data: z.array(contactScoreSchema) }) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return { data: await contactScores(db.kysely, actor, req.params.id) };
  });
};
