// GET /search: the global search box, a few contacts and companies at once, then other modules' sections.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../core/http/request-context.js';
import { companySchema, contactSchema } from './schemas.js';
import { listContacts } from './contact-repository.js';
import { listCompanies } from './company-repository.js';
import { searchHitSchema, searchSections } from './search-sections.js';

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/search',
    { config: { scope: 'customers:read' },
      schema: {
        tags: ['search'],
        summary: 'Search contacts and companies by any part of name, email, phone or company',
        querystring: z.object({ q: z.string().trim().min(1, 'type something to search for').max(200) }),
        response: { 200: z.object({ contacts: z.array(contactSchema), companies: z.array(companySchema), more: z.array(z.object({ key: z.string(), hits: z.array(searchHitSchema) })).describe('other modules\' hits: tickets, …') }) },
      },
    },
    async (req) => {
      const { db, actor } = ctxOf(req);
      const [contacts, companies, more] = await Promise.all([listContacts(db, actor, { q: req.query.q, limit: 5 }), listCompanies(db, actor, { q: req.query.q, limit: 5 }), searchSections({ db, actor }, req.query.q, 5)]);
      return { contacts: contacts.data, companies: companies.data, more };
    },
  );
};
