// HTTP routes of segments (/segments): the field registry for the rule builder, a live count while editing, CRUD,
// the members as a contacts list (sort, cursor, filters) and static snapshots for campaigns.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../../core/http/request-context.js';
import { idParams, listOf } from '../../../core/http/common-schemas.js';
import { contactListQuery, contactSchema, listContacts } from '../../customers/index.js';
import { findSegmentRow, segmentCondition } from './segment-conditions.js';
import { loadSegmentFields } from './segment-fields.js';
import { fieldOperators } from './segment-rules.js';
import { countSchema, createSegmentBody, patchSegmentBody, rulesSchema, segmentFieldSchema, segmentSchema, snapshotSchema } from './segment-schemas.js';
import { createSegment, deleteSegment, getSegment, listSegments, previewCount, updateSegment } from './segment-service.js';
import { listSnapshots, snapshotSegment } from './segment-snapshots.js';
import { notFound } from '../../../core/errors.js';

export const segmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['segments'];
  const read = { scope: 'marketing:read' as const };
  const write = { scope: 'marketing:write' as const };

  app.get('/segments/fields', { config: read, schema: { tags, summary: 'The fields a segment rule can test, grouped by source, with their operators', response: { 200: z.object({ data: z.array(segmentFieldSchema) }) } } }, async (req) => {
    const { db } = ctxOf(req);
    const fields = [...(await loadSegmentFields(db)).values()];
    return { data: fields.map((f) => ({ key: f.key, group: f.group, label: f.label, type: f.type, operators: fieldOperators(f), ...(f.options && { options: f.options }), ...(f.optionsFrom && { optionsFrom: f.optionsFrom }) })) };
  });
  app.get('/segments', { config: read, schema: { tags, summary: 'Every segment, with the members the caller may see', response: { 200: z.object({ data: z.array(segmentSchema) }) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return { data: await listSegments(db, actor) };
  });
  app.post('/segments/preview-count', { config: read, schema: { tags, summary: 'How many visible contacts these (unsaved) rules match: exact up to 100,000, else an estimate', body: z.strictObject({ rules: rulesSchema }), response: { 200: countSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return previewCount(db, actor, req.body.rules);
  });
  app.post('/segments', { config: write, schema: { tags, summary: 'Create a dynamic or static segment from rules', body: createSegmentBody, response: { 201: segmentSchema } } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    return reply.status(201).send(await createSegment(db, actor, req.body));
  });
  app.get('/segments/:id', { config: read, schema: { tags, summary: 'A segment', params: idParams, response: { 200: segmentSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return getSegment(db, actor, req.params.id);
  });
  app.patch('/segments/:id', { config: write, schema: { tags, summary: 'Rename a segment or change its rules or kind (its owner, a manager or an administrator)', params: idParams, body: patchSegmentBody, response: { 200: segmentSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return updateSegment(db, actor, req.params.id, req.body);
  });
  app.delete('/segments/:id', { config: write, schema: { tags, summary: 'Delete a segment (its owner, a manager or an administrator)', params: idParams } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    await deleteSegment(db, actor, req.params.id);
    return reply.status(204).send();
  });
  app.get('/segments/:id/members', { config: read, schema: { tags, summary: 'The segment’s members the caller may see, as a contacts list (same sort, cursor, q and filters)', params: idParams, querystring: contactListQuery, response: { 200: listOf(contactSchema) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    const seg = await findSegmentRow(db.kysely, req.params.id);
    if (!seg) throw notFound('Segment');
    return listContacts(db, actor, { ...req.query, where: await segmentCondition(db, seg) });
  });
  app.post('/segments/:id/snapshot', { config: write, schema: { tags, summary: 'Store the members the caller may see now as a static snapshot (for a campaign)', params: idParams, response: { 201: snapshotSchema } } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    return reply.status(201).send(await snapshotSegment(db, actor, req.params.id));
  });
  app.get('/segments/:id/snapshots', { config: read, schema: { tags, summary: 'A segment’s snapshots, newest first (members through GET /contacts?segmentSnapshotId=…)', params: idParams, response: { 200: z.object({ data: z.array(snapshotSchema) }) } } }, async (req) => {
    const { db } = ctxOf(req);
    return { data: await listSnapshots(db, req.params.id) };
  });
};
