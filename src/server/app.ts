// Builds the Fastify app: error handling, auth, OpenAPI, every module's routes, the built web UI.
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { serializerCompiler, validatorCompiler, jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from './core/db/database.js';
import { installErrorHandler } from './core/http/error-handler.js';
import { installAuthHook } from './modules/accounts/index.js';
import { installRouteAccess, type RouteEntry } from './core/auth/route-access.js';
import { routePlugins } from './modules.js';

export interface AppOptions {
  db: Db;
  logLevel?: string;
  webDir?: string;
  bodyLimit?: number;
  /** Where uploaded files (imports) are kept: the configured data dir. */
  dataDir?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    dataDir: string;
    /** Every API route with its declared scope and access, as registered (read by the authorization matrix test). */
    routeTable: RouteEntry[];
  }
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: opts.logLevel ?? 'info' },
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    ajv: undefined,
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', opts.db);
  app.decorate('dataDir', opts.dataDir ?? path.resolve('./data'));
  installErrorHandler(app);
  app.decorate('routeTable', [] as RouteEntry[]);
  installRouteAccess(app, app.routeTable);
  await app.register(cookie);
  installAuthHook(app);

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

  if (opts.webDir && existsSync(opts.webDir)) {
    const webDir = path.resolve(opts.webDir);
    await app.register(fastifyStatic, { root: webDir, wildcard: false });
    // Files built after start (a rebuild while serving) are looked up on request; any other path is a
    // client-side route (/contacts/123) and gets the app's index page.
    app.get('/*', { schema: { hide: true } }, async (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.callNotFound();
      const file = path.join(webDir, decodeURIComponent(req.url.split('?')[0]!));
      if (file.startsWith(webDir + path.sep) && statSync(file, { throwIfNoEntry: false })?.isFile()) return reply.sendFile(path.relative(webDir, file));
      return reply.sendFile('index.html');
    });
  }
  return app;
}
