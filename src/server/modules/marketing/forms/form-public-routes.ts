// Forms on other sites, outside /api (no session cookie is read): the form as JSON for the script embed, the form
// as an HTML page for an iframe (plain POST back), the submission endpoint, and the double opt-in link. Hostile
// input: zod, size limits, a rate limit per address and form, a honeypot; stored first, processed by the worker.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../core/errors.js';
import { ownOrigins } from '../../../core/http/public-origin.js';
import { takeFormSubmission, tooManyRequests } from '../tracking/tracking-limits.js';
import { utmOf } from '../tracking/tracking-events.js';
import { confirmSubmission } from './form-confirmation.js';
import { formPage, htmlPage, pageWords } from './form-page.js';
import { publicFormSchema, submissionInput, type SubmissionInput } from './form-schemas.js';
import { storeSubmission } from './submit-form.js';
import { loadForm, publicForm, type LoadedForm } from './web-forms.js';

const formParams = z.object({ id: z.string().min(1).max(100) });
const SUBMISSION_BYTES = 16 * 1024;

const baseUrlOf = (req: FastifyRequest) => (req.server.publicUrl ?? `${req.protocol}://${req.host}`).replace(/\/+$/, '');

async function allowedOrigins(req: FastifyRequest, form: LoadedForm): Promise<string[] | null> {
  if (!form.siteId) return null;
  const site = await req.server.db.kysely.selectFrom('webSites').select('allowedOrigins').where('id', '=', form.siteId).executeTakeFirst();
  return [...(site ? (JSON.parse(site.allowedOrigins) as string[]) : []), ...ownOrigins(req)];
}

async function enabledForm(req: FastifyRequest, id: string): Promise<LoadedForm> {
  const form = await loadForm(req.server.db, id);
  if (!form || !form.enabled) throw new AppError('not_found', 'This form is not available');
  return form;
}

/** Limits, origin, storage: shared by the JSON endpoint and the iframe page's POST. */
async function receive(req: FastifyRequest, form: LoadedForm, input: SubmissionInput) {
  if (!takeFormSubmission(req.ip, form.id)) throw tooManyRequests();
  const origins = await allowedOrigins(req, form);
  if (origins && req.headers.origin && !origins.includes(req.headers.origin)) throw new AppError('forbidden', 'This page’s origin may not use this form');
  return storeSubmission(req.server.db, form, input, { baseUrl: baseUrlOf(req) });
}

/** The iframe page may be framed by the form's site (any site when the form has none); it runs no script. */
async function framed(req: FastifyRequest, reply: FastifyReply, form: LoadedForm, status: number, html: string) {
  const origins = await allowedOrigins(req, form);
  reply.raw.removeHeader('x-frame-options');
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('content-security-policy', `default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors ${origins ? origins.join(' ') : '*'}`)
    .header('cache-control', 'no-store')
    .send(html);
}

export const formPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['forms'];
  // The iframe page posts as an HTML form does.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: SUBMISSION_BYTES }, (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))));
  app.addHook('onRequest', async (req, reply) => {
    reply.header('cross-origin-resource-policy', 'cross-origin');
    if (!req.url.startsWith('/f/v1/')) return;
    reply.header('access-control-allow-origin', req.headers.origin ?? '*');
    reply.header('vary', 'Origin');
  });
  app.options('/f/v1/*', { config: { scope: 'public' }, schema: { hide: true } }, async (_req, reply) =>
    reply.header('access-control-allow-methods', 'GET, POST').header('access-control-allow-headers', 'content-type').header('access-control-max-age', '600').status(204).send(),
  );

  app.get('/f/v1/forms/:id', { config: { scope: 'public' }, schema: { tags, summary: 'A form as a page renders it (public)', params: formParams, response: { 200: publicFormSchema } } }, async (req) =>
    publicForm(await enabledForm(req, req.params.id)),
  );

  app.post(
    '/f/v1/forms/:id/submissions',
    { config: { scope: 'public' }, bodyLimit: SUBMISSION_BYTES, schema: { tags, summary: 'Submit a form (public): stored, then processed into the contact', params: formParams, body: submissionInput, response: { 201: z.object({ id: z.string(), message: z.string() }) } } },
    async (req, reply) => {
      const form = await enabledForm(req, req.params.id);
      const { id } = await receive(req, form, req.body);
      return reply.status(201).send({ id, message: form.successMessage });
    },
  );

  app.get('/f/:id', { config: { scope: 'public' }, schema: { hide: true, params: formParams } }, async (req, reply) => {
    const form = await enabledForm(req, req.params.id);
    // The page that holds the iframe is the Referer of its first load.
    return framed(req, reply, form, 200, formPage(form, { pageUrl: req.headers.referer ?? null }));
  });

  app.post('/f/:id', { config: { scope: 'public' }, bodyLimit: SUBMISSION_BYTES, schema: { hide: true, params: formParams } }, async (req, reply) => {
    const form = await enabledForm(req, req.params.id);
    const body = (req.body ?? {}) as Record<string, string>;
    const fields = Object.fromEntries(form.fields.map((f) => [f.key, String(body[f.key] ?? '')]));
    const pageUrl = typeof body.pageUrl === 'string' ? body.pageUrl.slice(0, 2000) : undefined;
    const input: SubmissionInput = { fields, consent: body.consent === '1', website: String(body.website ?? '').slice(0, 500), pageUrl, utm: utmOf(pageUrl) ?? undefined };
    try {
      await receive(req, form, input);
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 422) throw err;
      return framed(req, reply, form, 422, formPage(form, { values: fields, errors: err.errors, pageUrl }));
    }
    return framed(req, reply, form, 200, formPage(form, { done: true }));
  });

  app.get('/f/confirm/:token', { config: { scope: 'public' }, schema: { hide: true, params: z.object({ token: z.string().max(200) }) } }, async (req, reply) => {
    const result = await confirmSubmission(app.db, req.params.token);
    const w = pageWords(result?.language ?? (req.headers['accept-language']?.startsWith('zh') ? 'zh-CN' : 'en'));
    return reply
      .status(result ? 200 : 404)
      .type('text/html; charset=utf-8')
      .send(htmlPage(result?.language ?? 'en', 'Rapport', `<p role="status">${result ? w.confirmed : w.linkBad}</p>`));
  });
};
