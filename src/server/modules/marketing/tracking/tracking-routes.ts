// The tracking endpoint and script, outside /api (no session cookie is read): /t/rapport.js for every site, and
// POST /t/v1/events for batches from the snippet (JSON, or text/plain JSON as navigator.sendBeacon sends it). Hostile
// input: checked with zod, size-limited, rate-limited, stored before it is processed, each refusal counted by reason.
import { readFileSync } from 'node:fs';
import type { FastifyError } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../core/errors.js';
import { countRejection, storeBatch } from './intake-buffer.js';
import { checkEvents, trackingBatch, trackingSizes } from './tracking-events.js';
import { takeTrackingRequest, tooManyRequests } from './tracking-limits.js';
import { loadSiteByKey, originAllowed } from './web-sites.js';

const script = readFileSync(new URL('./rapport.js', import.meta.url));

const acceptedSchema = z.object({ accepted: z.number(), rejected: z.array(z.object({ index: z.number(), reason: z.string(), path: z.string().optional(), message: z.string() })) });

/** Which refusal reason a framework error before the handler stands for. */
function reasonOf(err: FastifyError): string | null {
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'too_large';
  if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || hasZodFastifySchemaValidationErrors(err)) return 'malformed';
  return null;
}

export const trackingPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['tracking'];
  app.addContentTypeParser('text/plain', { parseAs: 'string', bodyLimit: trackingSizes.bodyBytes }, (_req, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
  // Refusals before the handler (too large, not JSON, wrong shape) are counted too, then answered as usual.
  app.setErrorHandler(async (err: FastifyError, req) => {
    const reason = req.url.startsWith('/t/v1/') ? reasonOf(err) : null;
    if (reason) await countRejection(app.db, '', reason);
    throw err;
  });
  app.addHook('onRequest', (req, reply, done) => {
    reply.header('cross-origin-resource-policy', 'cross-origin');
    if (req.url.startsWith('/t/v1/')) reply.header('access-control-allow-origin', req.headers.origin ?? '*').header('vary', 'Origin');
    done();
  });
  app.options('/t/v1/*', { config: { scope: 'public' }, logLevel: 'warn', schema: { hide: true } }, async (_req, reply) =>
    reply.header('access-control-allow-methods', 'POST').header('access-control-allow-headers', 'content-type').header('access-control-max-age', '600').status(204).send(),
  );

  app.get('/t/rapport.js', { config: { scope: 'public' }, schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=300').send(script),
  );

  app.post(
    '/t/v1/events',
    {
      config: { scope: 'public' },
      // Thousands of beacons a second would flood the log at info (two lines a request) and cost more than storing
      // them; refusals are counted per reason instead (web_rejections), and server errors are still logged.
      logLevel: 'warn',
      bodyLimit: trackingSizes.bodyBytes,
      // The answer is built right here from checked values: written as JSON without re-validating it per request (the
      // schema below still documents it).
      serializerCompiler: () => (data) => JSON.stringify(data),
      schema: { tags, summary: "A batch of a visitor's events from the tracking snippet (public; the page's Origin must be one of the site's)", body: trackingBatch, response: { 202: acceptedSchema } },
    },
    async (req, reply) => {
      const db = app.db;
      if (!takeTrackingRequest(req.ip)) {
        await countRejection(db, '', 'rate_limited');
        throw tooManyRequests();
      }
      const site = await loadSiteByKey(db, req.body.site);
      if (!site) {
        await countRejection(db, '', 'unknown_site');
        throw new AppError('not_found', 'Unknown site key: register the website in Rapport (Settings → Websites) and copy its snippet');
      }
      if (!originAllowed(site, req.headers.origin)) {
        await countRejection(db, site.id, 'origin_not_allowed');
        throw new AppError('forbidden', 'This page’s origin is not one of the website’s allowed origins');
      }
      const length = Number(req.headers['content-length']);
      const { events, rejected } = checkEvents(req.body.events, Number.isSafeInteger(length) ? length : undefined);
      const counted = rejected.map((r) => ({ siteId: site.id, reason: r.reason }));
      if (events.length) await storeBatch(db, site.id, { visitor: req.body.visitor, events }, counted);
      else await Promise.all(counted.map((c) => countRejection(db, c.siteId, c.reason)));
      return reply.status(202).send({ accepted: events.length, rejected });
    },
  );
};
