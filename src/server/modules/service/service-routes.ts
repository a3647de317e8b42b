// The service module's HTTP routes: each part's plugin is listed here.
import type { FastifyPluginAsync } from 'fastify';
import { imRoutes } from './im/im-routes.js';
import { phoneRoutes } from './phone/phone-routes.js';

const parts: FastifyPluginAsync<any>[] = [phoneRoutes, imRoutes];

export const serviceRoutes: FastifyPluginAsync = async (app) => {
  for (const part of parts) await app.register(part);
};
