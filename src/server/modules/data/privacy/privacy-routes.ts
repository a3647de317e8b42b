// GET /contacts/:id/data-export (everything held about a person) and POST /contacts/:id/erase (erasure on request).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAdmin } from '../../../core/http/request-context.js';
import { contactDataExport } from './contact-data-export.js';
import { eraseContact } from './erase-contact.js';

const params = z.object({ id: z.string().min(1).max(100) });
const eraseBody = z.strictObject({ confirm: z.literal('ERASE', { error: 'type ERASE to confirm: erasure cannot be undone' }) });

export const privacyRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['privacy'];
  app.get('/contacts/:id/data-export', { config: { scope: 'privacy:export', access: 'admin' }, schema: { tags, summary: 'Everything Rapport holds about one contact, as JSON (admin)', params } }, async (req, reply) => {
    const { db, actor } = requireAdmin(req);
    const doc = await contactDataExport(db, actor, req.params.id);
    return reply.header('content-disposition', `attachment; filename="contact-${req.params.id}.json"`).send(doc);
  });
  app.post(
    '/contacts/:id/erase',
    { config: { scope: 'privacy:erase', access: 'admin' },
      schema: {
        tags,
        summary: 'Erase a contact and everything held about it, scrubbing it from the audit log (admin; body {"confirm":"ERASE"})',
        params,
        body: eraseBody,
        response: {
          200: z.object({ contactId: z.string(), contactDeleted: z.boolean(), relatedRecordsErased: z.record(z.string(), z.number()), auditEntriesScrubbed: z.number(), eventsScrubbed: z.number(), chainRewrittenFromSeq: z.number().nullable() }),
        },
      },
    },
    async (req) => {
      const { db, actor } = requireAdmin(req);
      return eraseContact(db, actor, req.params.id);
    },
  );
};
