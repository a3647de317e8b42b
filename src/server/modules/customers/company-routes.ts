// HTTP routes of companies and their overview.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../core/http/request-context.js';
import { companyInput, companyListQuery, companySchema, contactSchema, idParams, listOf } from './schemas.js';
import { countCompanies, getCompany, listCompanies } from './company-repository.js';
import { createCompany, deleteCompany, updateCompany } from './company-service.js';
import { companyOverview } from './overview.js';
import { recordCountSchema, scoreSchema, sectionSchema } from './contact-routes.js';

const overviewSchema = z.object({
  company: companySchema,
  contacts: z.array(contactSchema),
  scores: z.array(scoreSchema),
  recentInteractions: z.array(z.unknown()),
  openTasks: z.array(z.unknown()),
  sections: z.array(sectionSchema),
});

export const companyRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['companies'];
  app.get('/companies', { config: { scope: 'customers:read' }, schema: { tags, summary: 'List, filter, sort and search companies', querystring: companyListQuery, response: { 200: listOf(companySchema) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return listCompanies(db, actor, req.query);
  });
  app.get('/companies/count', { config: { scope: 'customers:read' }, schema: { tags, summary: 'How many companies the same filters and q match: exact up to 100,000, else an estimate', querystring: companyListQuery, response: { 200: recordCountSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return countCompanies(db, actor, req.query);
  });
  app.post('/companies', { config: { scope: 'customers:write' }, schema: { tags, summary: 'Create a company', body: companyInput, response: { 201: companySchema } } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    return reply.status(201).send(await createCompany(db, actor, req.body));
  });
  app.get('/companies/:id', { config: { scope: 'customers:read' }, schema: { tags, summary: 'One company', params: idParams, response: { 200: companySchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return getCompany(db, actor, req.params.id);
  });
  app.patch('/companies/:id', { config: { scope: 'customers:write' }, schema: { tags, summary: 'Change a company', params: idParams, body: companyInput.partial(), response: { 200: companySchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return updateCompany(db, actor, req.params.id, req.body);
  });
  app.delete('/companies/:id', { config: { scope: 'customers:write' }, schema: { tags, summary: 'Delete a company without contacts', params: idParams } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    await deleteCompany(db, actor, req.params.id);
    return reply.status(204).send();
  });
  app.get('/companies/:id/overview', { config: { scope: 'customers:read' }, schema: { tags, summary: 'The 360° view of a company', params: idParams, response: { 200: overviewSchema } } }, async (req) =>
    companyOverview(ctxOf(req), req.params.id),
  );
};
