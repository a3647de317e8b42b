// HTTP routes of contacts and their 360° overview.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../core/http/request-context.js';
import { companySchema, contactInput, contactListQuery, contactSchema, idParams, listOf } from './schemas.js';
import { countContacts, getContact, listContacts } from './contact-repository.js';
import { createContact, deleteContact, updateContact } from './contact-service.js';
import { contactOverview } from './overview.js';
import { upsertContact } from './upsert-contact.js';

export const recordCountSchema = z.object({ total: z.number().int(), estimated: z.boolean() });
export const scoreSchema = z.object({ key: z.string(), label: z.string(), value: z.number(), max: z.number() });
export const sectionSchema = z.object({ key: z.string(), title: z.string(), items: z.array(z.unknown()) });

const overviewSchema = z.object({
  contact: contactSchema,
  company: companySchema.nullable(),
  scores: z.array(scoreSchema),
  recentInteractions: z.array(z.unknown()),
  openTasks: z.array(z.unknown()),
  sections: z.array(sectionSchema),
});

export const contactRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['contacts'];
  app.get('/contacts', { config: { scope: 'customers:read' }, schema: { tags, summary: 'List, filter, sort and search contacts', querystring: contactListQuery, response: { 200: listOf(contactSchema) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return listContacts(db, actor, req.query);
  });
  app.get('/contacts/count', { config: { scope: 'customers:read' }, schema: { tags, summary: 'How many contacts the same filters and q match: exact up to 100,000, else an estimate', querystring: contactListQuery, response: { 200: recordCountSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return countContacts(db, actor, req.query);
  });
  app.post('/contacts', { config: { scope: 'customers:write' }, schema: { tags, summary: 'Create a contact', body: contactInput, response: { 201: contactSchema } } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    return reply.status(201).send(await createContact(db, actor, req.body));
  });
  app.post(
    '/contacts/upsert',
    { config: { scope: 'customers:write' },
      schema: {
        tags,
        summary: 'Create or update a contact matched by externalId, then email, then phone (for keeping another system in sync)',
        body: contactInput,
        response: { 200: z.object({ contact: contactSchema, created: z.literal(false), matchedBy: z.enum(['externalId', 'email', 'phone']) }), 201: z.object({ contact: contactSchema, created: z.literal(true), matchedBy: z.null() }) },
      },
    },
    async (req, reply) => {
      const { db, actor } = ctxOf(req);
      const result = await upsertContact(db, actor, req.body);
      return reply.status(result.created ? 201 : 200).send(result as never);
    },
  );
  app.get('/contacts/:id', { config: { scope: 'customers:read' }, schema: { tags, summary: 'One contact', params: idParams, response: { 200: contactSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return getContact(db, actor, req.params.id);
  });
  app.patch('/contacts/:id', { config: { scope: 'customers:write' }, schema: { tags, summary: 'Change a contact', params: idParams, body: contactInput, response: { 200: contactSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return updateContact(db, actor, req.params.id, req.body);
  });
  app.delete('/contacts/:id', { config: { scope: 'customers:write' }, schema: { tags, summary: 'Delete a contact', params: idParams } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    await deleteContact(db, actor, req.params.id);
    return reply.status(204).send();
  });
  app.get('/contacts/:id/overview', { config: { scope: 'customers:read' }, schema: { tags, summary: 'The 360° view of a contact', params: idParams, response: { 200: overviewSchema } } }, async (req) =>
    contactOverview(ctxOf(req), req.params.id),
  );
};
