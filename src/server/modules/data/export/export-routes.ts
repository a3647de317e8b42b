// GET /contacts/export and /companies/export: a list view (filters, q, sort, chosen columns) streamed as CSV or XLSX.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../../core/http/request-context.js';
import { companyListQuery, contactListQuery } from '../../customers/index.js';
import { openExport } from './export-rows.js';
import { contentTypes, exportFilename, exportStream } from './export-stream.js';
import type { ExportObject } from './export-columns.js';

const exportFields = {
  format: z.enum(['csv', 'xlsx']).default('csv'),
  columns: z.string().max(2000).optional().describe('comma-separated column keys, e.g. displayName,emails,companyName,cf.vip_level'),
};
// The list's query minus paging: the export walks every page itself.
const queries = {
  contacts: contactListQuery.omit({ limit: true, cursor: true }).extend(exportFields),
  companies: companyListQuery.omit({ limit: true, cursor: true }).extend(exportFields),
};

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const object of ['contacts', 'companies'] as ExportObject[]) {
    app.get(
      `/${object}/export`,
      {
        schema: {
          tags: [object],
          summary: `Export the ${object} list view (same filters, q and sort as the list) as CSV or XLSX, streamed`,
          querystring: queries[object],
          produces: [contentTypes.csv, contentTypes.xlsx],
        },
      },
      async (req, reply) => {
        const { db, actor } = ctxOf(req);
        const { format, columns, limit: _l, cursor: _c, ...params } = req.query as Record<string, unknown> & { format: 'csv' | 'xlsx'; columns?: string };
        const opened = await openExport(db, actor, { object, columns, params });
        const { stream, done } = exportStream(opened, format, object);
        done.catch((err) => req.log.error({ err }, 'export failed mid-stream'));
        const name = exportFilename(object, format);
        return reply
          .header('content-type', contentTypes[format])
          .header('content-disposition', `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`)
          .header('cache-control', 'no-store')
          .send(stream);
      },
    );
  }
};
