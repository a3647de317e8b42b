// HTTP routes of duplicates: the queue, dismissing a pair, running detection, thresholds; merging contacts or
// companies and undoing.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, requireAdmin } from '../../../core/http/request-context.js';
import { notFound } from '../../../core/errors.js';
import { enqueueJob, jobSchema } from '../../../core/jobs/job-queue.js';
import { dedupSettingsPatch, dedupSettingsSchema, getDedupSettings, setDedupSettings } from './dedup-settings.js';
import { dismissPair } from './duplicate-store.js';
import { duplicatePairSchema, listDuplicates, listDuplicatesQuery } from './list-duplicates.js';
import { clusterQuery, clusterSchema, listClusters } from './list-clusters.js';
import { mergeBody, mergeContacts, mergeSchema, toMerge } from './merge-contacts.js';
import { undoMerge } from './undo-merge.js';
import { companyMergeBody, mergeCompanies } from './merge-companies.js';
import { namesHiddenRecord } from './record-visibility.js';

const idParams = z.object({ id: z.string().min(1).max(100) });

export const dedupRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['duplicates'];
  app.get('/duplicates', { config: { scope: 'data:read' }, schema: { tags, summary: 'Suggested duplicate pairs, best score first, with the reasons', querystring: listDuplicatesQuery, response: { 200: z.object({ data: z.array(duplicatePairSchema), nextCursor: z.string().nullable() }) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return listDuplicates(db, actor, req.query);
  });
  app.get('/duplicates/clusters', { config: { scope: 'data:read' }, schema: { tags, summary: 'Open duplicate pairs joined into clusters, best first', querystring: clusterQuery, response: { 200: z.object({ data: z.array(clusterSchema), clusters: z.number() }) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return listClusters(db, actor, req.query);
  });
  app.post('/duplicates/:id/dismiss', { config: { scope: 'data:write' }, schema: { tags, summary: 'Mark a pair as not a duplicate, so it is not suggested again', params: idParams } }, async (req) => {
    const { db, actor } = ctxOf(req);
    const pair = await dismissPair(db.kysely, db.engine, actor, req.params.id);
    return { id: pair.id, status: pair.status, decidedBy: pair.decidedBy, decidedAt: pair.decidedAt };
  });
  app.post('/duplicates/detect', { config: { scope: 'data:write', access: 'admin' }, schema: { tags, summary: 'Run duplicate detection over all contacts as a background job', body: z.strictObject({ autoMerge: z.boolean().optional() }).optional(), response: { 202: jobSchema } } }, async (req, reply) => {
    const { db, actor } = requireAdmin(req);
    return reply.status(202).send(await enqueueJob(db, 'dedup', req.body ?? {}, actor.id));
  });
  app.get('/dedup/settings', { config: { scope: 'data:read' }, schema: { tags, summary: 'Detection and auto-merge thresholds', response: { 200: dedupSettingsSchema } } }, async (req) => {
    const { db } = ctxOf(req);
    return getDedupSettings(db.kysely);
  });
  app.patch('/dedup/settings', { config: { scope: 'data:write', access: 'admin' }, schema: { tags, summary: 'Change the thresholds (admin)', body: dedupSettingsPatch, response: { 200: dedupSettingsSchema } } }, async (req) => {
    const { db, actor } = requireAdmin(req);
    return setDedupSettings(db.kysely, db.engine, actor.id, req.body);
  });
  app.post('/contacts/merge', { config: { scope: 'records:merge' }, schema: { tags, summary: 'Merge contacts into a survivor (undoable)', body: mergeBody, response: { 201: mergeSchema } } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    return reply.status(201).send(await mergeContacts(db, actor, req.body));
  });
  app.post('/companies/merge', { config: { scope: 'records:merge' }, schema: { tags, summary: 'Merge duplicate companies into a survivor (undoable)', body: companyMergeBody, response: { 201: mergeSchema } } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    return reply.status(201).send(await mergeCompanies(db, actor, req.body));
  });
  app.get('/merges/:id', { config: { scope: 'data:read' }, schema: { tags, summary: 'A merge: survivor, merged contacts or companies, records moved', params: idParams, response: { 200: mergeSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    const m = await db.kysely.selectFrom('merges').selectAll().where('id', '=', req.params.id).executeTakeFirst();
    if (!m || (actor.role !== 'admin' && m.mergedBy !== actor.id) || (await namesHiddenRecord(db.kysely, actor, m.entity, [m.survivorId]))) throw notFound('Merge');
    return toMerge(m);
  });
  app.post('/merges/:id/undo', { config: { scope: 'records:merge' }, schema: { tags, summary: 'Undo a merge: the merged contacts or companies and their records come back', params: idParams, response: { 200: mergeSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return undoMerge(db, actor, req.params.id);
  });
};
