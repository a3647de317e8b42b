// HTTP routes of imports: upload a file as the raw request body, preview, start, follow progress, download errors.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, type Ctx } from '../../../core/http/request-context.js';
import { AppError, notFound } from '../../../core/errors.js';
import { newId } from '../../../core/ids.js';
import { loadImportRow, importSchema, toImportView } from './import-record.js';
import { cancelImport, createImport, startImport, targetOf } from './import-service.js';
import { previewImport } from './preview-import.js';
import { isSupportedCountry } from 'libphonenumber-js';
import { saveUpload } from './upload-file.js';
import { errorsCsv } from './errors-csv.js';
import { reportLang } from './import-messages.js';
import { importObjects } from './import-target.js';
import './import-job.js';
import { scheduleRoutes } from './schedule-routes.js';

const fileTypes = ['text/csv', 'text/plain', 'text/tab-separated-values', 'application/csv', 'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'];
const cellProblem = z.object({ column: z.string(), value: z.string().nullable(), reason: z.string(), severity: z.enum(['warning', 'error']) });
const previewResponse = z.object({
  mapping: z.record(z.string(), z.string().nullable()),
  rows: z.array(z.object({ rowNumber: z.number(), values: z.record(z.string(), z.unknown()), errors: z.array(cellProblem) })),
  summary: z.object({
    rowsScanned: z.number().describe('rows of the head of the file the summary read'),
    region: z.string(),
    strict: z.boolean(),
    countries: z.array(z.object({ country: z.string(), region: z.string(), rows: z.number() })).describe("the rows' own country column, as written, and the region their phones are read in"),
    phones: z.object({ normalised: z.number(), raw: z.number(), rejected: z.number() }),
    rowsWithWarnings: z.number(),
    rowsRejected: z.number(),
    ignoredColumns: z.array(z.string()),
  }),
});
const idParams = z.object({ id: z.string().min(1).max(100) });
const onMatch = z.enum(['update', 'skip', 'create']);
const updateMode = z.enum(['fill', 'overwrite']);
const region = z.string().trim().toUpperCase().refine((r) => isSupportedCountry(r), 'a two-letter country code such as US or CN');
const mappingSchema = z.record(z.string().max(200), z.string().max(100).nullable());

/** Imports are the importer's own (admins see all), like jobs. */
async function visibleImport(ctx: Ctx, id: string) {
  const r = await loadImportRow(ctx.db.kysely, id);
  if (ctx.actor.role !== 'admin' && r.createdBy !== ctx.actor.id) throw notFound('Import');
  return r;
}

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  // The file arrives as the raw body and is streamed to disk: no size-limited buffering, only for these routes.
  app.addContentTypeParser(fileTypes, { bodyLimit: Number.MAX_SAFE_INTEGER }, (_req, payload, done) => done(null, payload));
  const tags = ['imports'];
  await app.register(scheduleRoutes);

  app.post(
    '/imports',
    { config: { scope: 'data:write' },
      schema: {
        tags,
        summary: 'Upload a CSV or XLSX file (the raw request body) to import; answers its headers and a suggested mapping',
        querystring: z.strictObject({ object: z.string().max(50).default('contacts'), fileName: z.string().trim().min(1).max(200).optional(), onMatch: onMatch.optional(), updateMode: updateMode.optional(), region: region.optional(), strict: z.enum(['true', 'false']).optional(), start: z.enum(['true', 'false']).optional() }),
        response: { 201: importSchema },
      },
    },
    async (req, reply) => {
      const { db, actor } = ctxOf(req);
      const target = targetOf(req.query.object);
      // The object's own rules: products are the catalogue editors' (as POST /products), whatever the file.
      if (target.roles && !target.roles.includes(actor.role)) throw new AppError('forbidden', target.refusal ?? 'Only an administrator can do this');
      const id = newId();
      const xlsx = String(req.headers['content-type'] ?? '').includes('spreadsheetml');
      const fileName = req.query.fileName ?? (xlsx ? 'upload.xlsx' : 'upload.csv');
      const filePath = await saveUpload(req.body, app.dataDir, id, fileName);
      let view = await createImport(db, { id, object: req.query.object, fileName, filePath, actor: { id: actor.id, teamId: actor.teamId, visibility: actor.visibility }, onMatch: req.query.onMatch, updateMode: req.query.updateMode, region: req.query.region, strict: req.query.strict === 'true' });
      if (req.query.start === 'true') view = await startImport(db, id, {});
      return reply.status(201).send(view);
    },
  );

  app.get('/imports/fields', { config: { scope: 'data:read' }, schema: { tags, summary: 'The fields a column can be mapped to, per object', querystring: z.object({ object: z.string().max(50).default('contacts') }), response: { 200: z.object({ objects: z.array(z.string()), data: z.array(z.object({ key: z.string(), label: z.string(), type: z.string(), multiple: z.boolean(), options: z.array(z.string()).nullable() })) }) } } }, async (req) => {
    const { db } = ctxOf(req);
    const fields = await targetOf(req.query.object).fields(db.kysely);
    return { objects: importObjects(), data: fields.map((f) => ({ key: f.key, label: f.label, type: f.type, multiple: !!f.multiple, options: f.options ? [...f.options] : null })) };
  });

  app.get('/imports', { config: { scope: 'data:read' }, schema: { tags, summary: 'Recent imports (yours; all for admins)', querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }), response: { 200: z.object({ data: z.array(importSchema) }) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    let q = db.kysely.selectFrom('imports').selectAll().orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(req.query.limit);
    if (actor.role !== 'admin') q = q.where('createdBy', '=', actor.id);
    return { data: (await q.execute()).map(toImportView) };
  });

  app.get('/imports/:id', { config: { scope: 'data:read' }, schema: { tags, summary: 'An import, its mapping and its progress (rows done, rows/s, errors so far)', params: idParams, response: { 200: importSchema } } }, async (req) => {
    return toImportView(await visibleImport(ctxOf(req), req.params.id));
  });

  app.post(
    '/imports/:id/preview',
    { config: { scope: 'data:write' },
      schema: {
        tags,
        summary: 'The first rows as they will be stored, with per-cell errors; writes nothing',
        params: idParams,
        body: z.strictObject({ mapping: mappingSchema.optional(), limit: z.number().int().min(1).max(200).default(20), region: region.optional(), strict: z.boolean().optional() }).default({ limit: 20 }),
        response: { 200: previewResponse },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await visibleImport(ctx, req.params.id);
      return previewImport(ctx.db, req.params.id, req.body);
    },
  );

  app.post(
    '/imports/:id/start',
    { config: { scope: 'data:write' }, schema: { tags, summary: 'Start the import in the background with a mapping and what an existing match gets', params: idParams, body: z.strictObject({ mapping: mappingSchema.optional(), onMatch: onMatch.optional(), updateMode: updateMode.optional(), region: region.optional(), strict: z.boolean().optional(), saveMapping: z.boolean().optional() }).default({}), response: { 202: importSchema } } },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await visibleImport(ctx, req.params.id);
      return reply.status(202).send(await startImport(ctx.db, req.params.id, req.body));
    },
  );

  app.post('/imports/:id/cancel', { config: { scope: 'data:write' }, schema: { tags, summary: 'Stop an import after its current batch (rows written so far stay)', params: idParams, response: { 200: importSchema } } }, async (req) => {
    const ctx = ctxOf(req);
    await visibleImport(ctx, req.params.id);
    return cancelImport(ctx.db, req.params.id);
  });

  app.get('/imports/:id/errors', { config: { scope: 'data:read' }, schema: { tags, summary: 'Rows that were not imported (error) and cells left out or kept as typed (warning): row number, column, value, reason, severity', params: idParams, querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }), response: { 200: z.object({ data: z.array(z.object({ rowNumber: z.number(), column: z.string(), value: z.string().nullable(), reason: z.string(), severity: z.enum(['warning', 'error']) })) }) } } }, async (req) => {
    const ctx = ctxOf(req);
    await visibleImport(ctx, req.params.id);
    return { data: await ctx.db.kysely.selectFrom('importErrors').select(['rowNumber', 'column', 'value', 'reason', 'severity']).where('importId', '=', req.params.id).orderBy('rowNumber').limit(req.query.limit).execute() };
  });

  app.get('/imports/:id/errors.csv', { config: { scope: 'data:read' }, schema: { tags, summary: 'The rows that were not imported, as CSV (lang=zh-CN, or Accept-Language, for Chinese headers and reasons)', params: idParams, querystring: z.object({ lang: z.string().max(20).optional() }) } }, async (req, reply) => {
    const ctx = ctxOf(req);
    const imp = await visibleImport(ctx, req.params.id);
    const name = `${imp.fileName.replace(/\.[^.]+$/, '').replace(/[^\w.-]+/g, '_') || 'import'}-errors.csv`;
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(errorsCsv(ctx.db.kysely, imp.id, reportLang(req.query.lang, req.headers['accept-language'])));
  });
};
