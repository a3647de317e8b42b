// Admin routes of embeddable forms: the builder's CRUD (with whether mail is set up, for double opt-in), and each
// form's submissions, newest first; and the forms' names for every user (the journey editor's picker).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../../core/http/request-context.js';
import { idParams } from '../../../core/http/common-schemas.js';
import { mailConfigured } from '../../../core/mail/smtp-settings.js';
import { submissionSchema, webFormDirectoryEntry, webFormInput, webFormSchema } from './form-schemas.js';
import { listSubmissions } from './list-submissions.js';
import { createForm, deleteForm, getForm, listFormDirectory, listForms, updateForm } from './web-forms.js';

export const formRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['forms'];
  const read = { scope: 'marketing:read', access: 'admin' } as const;
  const write = { scope: 'marketing:write', access: 'admin' } as const;
  app.get(
    '/web-forms',
    { config: read, schema: { tags, summary: 'Embeddable forms; mailConfigured says whether confirmation e-mails (double opt-in) can go out', response: { 200: z.object({ data: z.array(webFormSchema), mailConfigured: z.boolean() }) } } },
    async (req) => {
      const { db } = ctxOf(req);
      return { data: await listForms(db), mailConfigured: await mailConfigured(db.kysely) };
    },
  );
  // Journeys are every marketer's, forms the admin's: the journey editor's form picker needs the names only.
  app.get(
    '/web-forms/directory',
    { config: { scope: 'marketing:read', access: 'user' }, schema: { tags, summary: 'Forms for pickers, for every user: id, name and whether enabled (no fields, consent text or counts)', response: { 200: z.object({ data: z.array(webFormDirectoryEntry) }) } } },
    async (req) => ({ data: await listFormDirectory(ctxOf(req).db) }),
  );
  app.post('/web-forms', { config: write, schema: { tags, summary: 'Create a form', body: webFormInput, response: { 201: webFormSchema } } }, async (req, reply) => reply.status(201).send(await createForm(ctxOf(req).db, req.body)));
  app.get('/web-forms/:id', { config: read, schema: { tags, summary: 'A form', params: idParams, response: { 200: webFormSchema } } }, async (req) => getForm(ctxOf(req).db, req.params.id));
  app.patch('/web-forms/:id', { config: write, schema: { tags, summary: 'Change a form', params: idParams, body: webFormInput.partial(), response: { 200: webFormSchema } } }, async (req) => updateForm(ctxOf(req).db, req.params.id, req.body));
  app.delete('/web-forms/:id', { config: write, schema: { tags, summary: 'Delete a form and its submissions (contacts made from them stay)', params: idParams } }, async (req, reply) => {
    await deleteForm(ctxOf(req).db, req.params.id);
    return reply.status(204).send();
  });
  app.get(
    '/web-forms/:id/submissions',
    { config: read, schema: { tags, summary: "A form's submissions, newest first", params: idParams, querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), cursor: z.string().max(100).optional() }), response: { 200: z.object({ data: z.array(submissionSchema), nextCursor: z.string().nullable() }) } } },
    async (req) => {
      const { db } = ctxOf(req);
      await getForm(db, req.params.id);
      return listSubmissions(db, req.params.id, req.query);
    },
  );
};
