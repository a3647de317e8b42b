// HTTP routes of e-mail: the composer (send, attachments, templates), reading a message's sanitised HTML and its
// files, and — for administrators — the outgoing server and the mailboxes read over IMAP.
import { createReadStream } from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { idParams } from '../../../core/http/common-schemas.js';
import { ctxOf } from '../../../core/http/request-context.js';
import { AppError, notFound } from '../../../core/errors.js';
import { dataFilePath } from '../../../core/files/data-dir.js';
import { visibleConversation } from './conversation-access.js';
import { saveUpload } from './email-files.js';
import { emailAdminRoutes } from './email-admin-routes.js';
import { deleteTemplate, listTemplates, renderInput, renderTemplateFor, saveTemplate, templateInput, templateSchema } from './email-templates.js';
import { templateVariables } from './render-template.js';
import { sanitizeEmailHtml } from './sanitize-email-html.js';
import { sendEmail, sendEmailInput, sentEmailSchema } from './send-email.js';

const attachmentSchema = z.object({ id: z.string(), name: z.string(), contentType: z.string(), size: z.number() });

export const emailRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['email'];
  // Uploads arrive as the raw body and are streamed to disk under the size limit.
  app.addContentTypeParser('*', { bodyLimit: Number.MAX_SAFE_INTEGER }, (_req, payload, done) => done(null, payload));
  await app.register(emailAdminRoutes);

  app.post('/email/send', { config: { scope: 'service:write' }, schema: { tags, summary: 'Send an e-mail from a contact, company, deal or ticket (logged on the timeline and in the thread)', body: sendEmailInput, response: { 201: sentEmailSchema } } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    return reply.status(201).send(await sendEmail(db, actor, req.body));
  });

  app.post(
    '/email/attachments',
    { config: { scope: 'service:write' }, schema: { tags, summary: 'Upload a file (the raw request body) to attach to an e-mail; answers its id', querystring: z.strictObject({ fileName: z.string().trim().min(1).max(200) }), response: { 201: attachmentSchema } } },
    async (req, reply) => {
      const { db, actor } = ctxOf(req);
      const type = String(req.headers['content-type'] ?? 'application/octet-stream').split(';')[0]!.trim().slice(0, 100);
      // A JSON (or empty) body was parsed by Fastify before this route saw it: the file must come as the raw body.
      if (!(req.body instanceof Readable) || type === 'application/json') throw new AppError('bad_request', 'Send the file itself as the request body (for example application/octet-stream), not JSON.');
      return reply.status(201).send(await saveUpload(db, req.body, req.query.fileName, type, actor.id));
    },
  );

  app.get('/email/files/:id', { config: { scope: 'service:read' }, schema: { tags, summary: 'Download a file of an e-mail (an attachment of a message you may see, or your own upload)', params: idParams } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    const f = await db.kysely.selectFrom('email_files as f').leftJoin('messages as m', 'm.id', 'f.messageId').select(['f.name', 'f.contentType', 'f.path', 'f.uploadedBy', 'm.conversationId']).where('f.id', '=', req.params.id).executeTakeFirst();
    if (!f) throw notFound('File');
    if (f.conversationId) await visibleConversation(db, actor, f.conversationId);
    else if (f.uploadedBy !== actor.id) throw notFound('File');
    const inline = /^image\/(png|gif|jpeg|webp)$/.test(f.contentType);
    reply.header('content-type', inline ? f.contentType : 'application/octet-stream');
    reply.header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(f.name)}`);
    reply.header('x-content-type-options', 'nosniff');
    return reply.send(createReadStream(dataFilePath(f.path)));
  });

  app.get(
    '/email/messages/:id/html',
    {
      config: { scope: 'service:read' },
      schema: { tags, summary: "A message's HTML made safe to show; remote images held back unless images=true", params: idParams, querystring: z.strictObject({ images: z.enum(['true', 'false']).optional() }), response: { 200: z.object({ html: z.string().nullable(), blockedImages: z.number() }) } },
    },
    async (req) => {
      const { db, actor } = ctxOf(req);
      const m = await db.kysely.selectFrom('messages').select(['conversationId', 'bodyHtml', 'attachments']).where('id', '=', req.params.id).executeTakeFirst();
      if (!m) throw notFound('Message');
      await visibleConversation(db, actor, m.conversationId);
      if (!m.bodyHtml) return { html: null, blockedImages: 0 };
      const files = JSON.parse(m.attachments || '[]') as { id?: string; cid?: string }[];
      return sanitizeEmailHtml(m.bodyHtml, { showImages: req.query.images === 'true', cidUrl: (cid) => files.find((f) => f.cid === cid && f.id)?.id ? `/api/v1/email/files/${files.find((f) => f.cid === cid)!.id}` : null });
    },
  );

  app.get('/email/templates', { config: { scope: 'service:read' }, schema: { tags, summary: 'E-mail templates and the variables they may use', response: { 200: z.object({ data: z.array(templateSchema), variables: z.array(z.string()) }) } } }, async (req) => ({
    data: await listTemplates(ctxOf(req).db),
    variables: [...templateVariables],
  }));
  app.post('/email/templates', { config: { scope: 'service:write', access: 'manager' }, schema: { tags, summary: 'Add an e-mail template', body: templateInput, response: { 201: templateSchema } } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    return reply.status(201).send(await saveTemplate(db, actor, null, req.body));
  });
  app.put('/email/templates/:id', { config: { scope: 'service:write', access: 'manager' }, schema: { tags, summary: 'Change an e-mail template', params: idParams, body: templateInput, response: { 200: templateSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return saveTemplate(db, actor, req.params.id, req.body);
  });
  app.delete('/email/templates/:id', { config: { scope: 'service:write', access: 'manager' }, schema: { tags, summary: 'Delete an e-mail template', params: idParams } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    await deleteTemplate(db, actor, req.params.id);
    return reply.status(204).send();
  });
  app.post('/email/templates/:id/render', { config: { scope: 'service:write' }, schema: { tags, summary: 'Fill a template with the values of a contact, company, deal or ticket', params: idParams, body: renderInput, response: { 200: z.object({ subject: z.string(), body: z.string() }) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return renderTemplateFor(db, actor, req.params.id, req.body);
  });
};
