// GET /search: the global search box, a few contacts and companies at once.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../core/http/request-context.js';
import { companySchema, contactSchema } from './schemas.js';
import { listContacts } from './contact-repository.js';
import { listCompanies } from './company-repository.js';

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/search',
    { config: { scope: 'customers:read' },
      schema: {
        tags: ['search'],
        summary: 'Search contacts and companies by any part of name, email, phone or company',
        querystring: z.object({ q: z.string().trim().min(1, 'type something to search for').max(200) }),
        response: { 200: z.object({ contacts: z.array(contactSchema), companies: z.array(companySchema) }) },
      },
    },
    async (req) => {
      const { db, actor } = ctxOf(req);
      const [contacts, companies] = await Promise.all([listContacts(db, actor, { q: req.query.q, limit: 5 }), listCompanies(db, actor, { q: req.query.q, limit: 5 })]);
      return { contacts: contacts.data, companies: companies.data };
    },
  );
};
