// HTTP routes of macros: everyone lists and renders them for a ticket; managers and admins create, change, delete.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../../../core/http/request-context.js';
import { idParams } from '../../../../core/http/common-schemas.js';
import { createMacro, deleteMacro, getMacro, listMacros, macroInput, macroPatch, macroSchema, updateMacro } from './macro-store.js';
import { renderedMacroSchema, renderMacro } from './render-macro.js';

export const macroRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['macros'];
  app.get('/macros', { config: { scope: 'service:read' }, schema: { tags, summary: 'Macros (canned replies), by name', querystring: z.object({ q: z.string().trim().max(100).optional() }), response: { 200: z.object({ data: z.array(macroSchema) }) } } }, async (req) => {
    const { db } = ctxOf(req);
    return { data: await listMacros(db, req.query.q) };
  });
  app.get('/macros/:id', { config: { scope: 'service:read' }, schema: { tags, summary: 'One macro', params: idParams, response: { 200: macroSchema } } }, async (req) => getMacro(ctxOf(req).db, req.params.id));
  app.post('/macros', { config: { scope: 'service:write', access: 'manager' }, schema: { tags, summary: 'Create a macro: text in English and Chinese with {{variables}}, optional status/priority/tag actions', body: macroInput, response: { 201: macroSchema } } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    return reply.status(201).send(await createMacro(db, actor, req.body));
  });
  app.patch('/macros/:id', { config: { scope: 'service:write', access: 'manager' }, schema: { tags, summary: 'Change a macro', params: idParams, body: macroPatch, response: { 200: macroSchema } } }, async (req) => updateMacro(ctxOf(req).db, req.params.id, req.body));
  app.delete('/macros/:id', { config: { scope: 'service:write', access: 'manager' }, schema: { tags, summary: 'Delete a macro', params: idParams } }, async (req, reply) => {
    await deleteMacro(ctxOf(req).db, req.params.id);
    return reply.status(204).send();
  });
  app.post('/macros/:id/render', { config: { scope: 'service:read' }, schema: { tags, summary: 'The macro\'s text for a ticket, variables filled ({{contact.displayName}}, {{ticket.number}}, {{agent.name}} …); lang defaults to the ticket\'s language', params: idParams, querystring: z.object({ ticketId: z.string().min(1).max(100), lang: z.enum(['en', 'zh-CN']).optional() }), response: { 200: renderedMacroSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return renderMacro(db, actor, req.params.id, req.query.ticketId, req.query.lang);
  });
};
