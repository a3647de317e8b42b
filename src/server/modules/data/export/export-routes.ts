// GET /contacts/export and /companies/export: a list view (filters, q, sort, chosen columns) streamed as CSV or XLSX;
// POST /…/export: exactly the chosen records (ids in the body); GET /…/export/columns: the columns to choose from.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ctxOf } from '../../../core/http/request-context.js';
import { companyListQuery, contactListQuery, listCustomFields } from '../../customers/index.js';
import { openExport } from './export-rows.js';
import { contentTypes, exportFilename, exportStream } from './export-stream.js';
import { exportColumnChoices, type ExportLang, type ExportObject } from './export-columns.js';

const exportFields = {
  format: z.enum(['csv', 'xlsx']).default('csv'),
  columns: z.string().max(2000).optional().describe('comma-separated column keys, e.g. displayName,emails,companyName,cf.vip_level'),
  lang: z.enum(['en', 'zh-CN']).default('en').describe('language of the header row'),
};
const columnChoice = z.object({ key: z.string(), header: z.string(), default: z.boolean() });
// The list's query minus paging: the export walks every page itself.
const queries = {
  contacts: contactListQuery.omit({ limit: true, cursor: true }).extend(exportFields),
  companies: companyListQuery.omit({ limit: true, cursor: true }).extend(exportFields),
};
/** The selected rows of a list, in the list's sort order; ids the reader may not see are left out. */
const selectedBody = z.strictObject({ ids: z.array(z.string().max(100)).min(1).max(10_000), sort: z.string().max(100).optional(), ...exportFields });

async function sendExport(req: FastifyRequest, reply: FastifyReply, object: ExportObject, query: { format: 'csv' | 'xlsx'; columns?: string; lang: ExportLang }, params: Record<string, unknown>) {
  const { db, actor } = ctxOf(req);
  const opened = await openExport(db, actor, { object, columns: query.columns, lang: query.lang, params });
  const { stream, done } = exportStream(opened, query.format, object);
  done.catch((err) => req.log.error({ err }, 'export failed mid-stream'));
  const name = exportFilename(object, query.format);
  return reply
    .header('content-type', contentTypes[query.format])
    .header('content-disposition', `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .header('cache-control', 'no-store')
    .send(stream);
}

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const object of ['contacts', 'companies'] as ExportObject[]) {
    app.get(
      `/${object}/export/columns`,
      { config: { scope: 'data:read' }, schema: { tags: [object], summary: `The columns an export of ${object} can carry (key, header, exported by default)`, querystring: z.object({ lang: exportFields.lang }), response: { 200: z.object({ data: z.array(columnChoice) }) } } },
      async (req) => {
        const { db } = ctxOf(req);
        const fields = await listCustomFields(db.kysely, object === 'contacts' ? 'contact' : 'company');
        return { data: exportColumnChoices(object, fields, req.query.lang) };
      },
    );
    app.get(
      `/${object}/export`,
      { config: { scope: 'data:read' },
        schema: {
          tags: [object],
          summary: `Export the ${object} list view (same filters, q and sort as the list) as CSV or XLSX, streamed`,
          querystring: queries[object],
          produces: [contentTypes.csv, contentTypes.xlsx],
        },
      },
      async (req, reply) => {
        const { format, columns, lang, limit: _l, cursor: _c, ...params } = req.query as Record<string, unknown> & { format: 'csv' | 'xlsx'; columns?: string; lang: ExportLang };
        return sendExport(req, reply, object, { format, columns, lang }, params);
      },
    );
    app.post(
      `/${object}/export`,
      { config: { scope: 'data:read' }, schema: { tags: [object], summary: `Export exactly the chosen ${object} (ids, at most 10,000) as CSV or XLSX, in the list's sort order`, body: selectedBody, produces: [contentTypes.csv, contentTypes.xlsx] } },
      async (req, reply) => {
        const { ids, sort, format, columns, lang } = req.body;
        return sendExport(req, reply, object, { format, columns, lang }, { ids, ...(sort && { sort }) });
      },
    );
  }
};
