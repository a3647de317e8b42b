// The service module's HTTP routes: each part's plugin is listed here.
import type { FastifyPluginAsync } from 'fastify';

const parts: FastifyPluginAsync<any>[] = [];

export const serviceRoutes: FastifyPluginAsync = async (app) => {
  for (const part of parts) await app.register(part);
};
