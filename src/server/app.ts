// Builds the Fastify app: error handling, auth, OpenAPI, every module's routes, the built web UI.
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import websocket from '@fastify/websocket';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { serializerCompiler, validatorCompiler, jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from './core/db/database.js';
import { installErrorHandler, sendProblem } from './core/http/error-handler.js';
import { clientErrorHandler, frameworkErrors } from './core/http/framework-errors.js';
import { installSecurityHeaders } from './core/http/security-headers.js';
import { installCsrfGuard } from './core/http/csrf-guard.js';
import { installNulGuard } from './core/http/nul-guard.js';
import { decoratePublicUrl } from './core/http/public-origin.js';
import type { TrustProxy } from './core/config.js';
import { installAuthHook } from './modules/accounts/index.js';
import { installRouteAccess, type RouteEntry } from './core/auth/route-access.js';
import { rootRoutePlugins, routePlugins } from './modules.js';
import { openRealtimeHub, type RealtimeHub } from './core/realtime/realtime.js';

export interface AppOptions {
  db: Db;
  logLevel?: string;
  webDir?: string;
  bodyLimit?: number;
  /** Where uploaded files (imports) are kept: the configured data dir. */
  dataDir?: string;
  /** RAPPORT_PUBLIC_URL: its origin passes the CSRF guard; https makes the session cookie Secure and turns on HSTS. */
  publicUrl?: string;
  /** RAPPORT_TRUST_PROXY: whose X-Forwarded-For/-Proto/-Host to believe (default: nobody's). */
  trustProxy?: TrustProxy;
}

declare module 'fastify' {
  interface FastifyInstance {
    dataDir: string;
    /** Every API route with its declared scope and access, as registered (read by the authorization matrix test). */
    routeTable: RouteEntry[];
    /** This process's real-time hub (PostgreSQL LISTEN/NOTIFY or the in-process SQLite bus). */
    realtime: RealtimeHub;
  }
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const trust = opts.trustProxy ?? false;
  const app = Fastify({
    logger: { level: opts.logLevel ?? 'info' },
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    ajv: undefined,
    // A hop count believes that many proxies nearest to us (Fastify's runtime takes a number; its types do not).
    trustProxy: typeof trust === 'number' ? (_addr: string, hop: number) => hop < trust : trust,
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  // JSON routes take JSON only: a text/plain body is what a cross-site <form> can send. Upload routes add their own parsers.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', opts.db);
  app.decorate('dataDir', opts.dataDir ?? path.resolve('./data'));
  installErrorHandler(app);
  // First, so its hooks mark upgrade requests before any other hook may refuse one (a refused upgrade's socket is
  // then closed). WebSocket frames above 64 KiB close the socket (the widget's messages are far smaller).
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  decoratePublicUrl(app, opts.publicUrl);
  await installSecurityHeaders(app);
  installNulGuard(app);
  app.decorate('routeTable', [] as RouteEntry[]);
  installRouteAccess(app, app.routeTable);
  await app.register(cookie);
  installCsrfGuard(app);
  installAuthHook(app);
  app.decorate('realtime', openRealtimeHub(opts.db, app.log));
  app.addHook('onClose', async () => app.realtime.close());

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Rapport API', version: '1', description: 'REST API of Rapport, the self-hosted CRM. Errors are RFC 9457 problem+json.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'rapport_session' } } },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/api/v1/openapi.json', { config: { scope: 'public' }, schema: { hide: true } }, async () => app.swagger());
  await app.register(
    async (api) => {
      for (const plugin of routePlugins) await api.register(plugin);
    },
    { prefix: '/api/v1' },
  );
  // Routes outside /api (the chat widget's script and its visitor endpoints): no session cookie is read there.
  for (const plugin of rootRoutePlugins) await app.register(plugin, { webDir: opts.webDir });

  if (opts.webDir && existsSync(opts.webDir)) {
    const webDir = path.resolve(opts.webDir);
    // widget.js is served by the chat widget's own route (cross-origin headers for other sites' pages).
    await app.register(fastifyStatic, { root: webDir, wildcard: false, globIgnore: ['widget.js'] });
    // Files built after start (a rebuild while serving) are looked up on request; any other path is a
    // client-side route (/contacts/123) and gets the app's index page.
    app.get('/*', { schema: { hide: true } }, async (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.callNotFound();
      const urlPath = safeDecode(req.url.split('?')[0]!);
      if (urlPath === null) return sendProblem(reply, 400, 'Bad request', 'The URL path is malformed');
      const file = path.join(webDir, urlPath);
      if (file.startsWith(webDir + path.sep) && statSync(file, { throwIfNoEntry: false })?.isFile()) return reply.sendFile(path.relative(webDir, file));
      return reply.sendFile('index.html');
    });
  }
  return app;
}

/** The decoded path, or null when it cannot name a file: a broken %-escape, or a NUL byte (which fs calls throw on). */
function safeDecode(urlPath: string): string | null {
  try {
    const decoded = decodeURIComponent(urlPath);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}
