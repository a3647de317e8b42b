// The web tracking and forms parts of marketing: admin routes under /api/v1, public ones at the root (/t, /f), and
// the workers, job and 360° section they bring.
import type { FastifyPluginAsync } from 'fastify';
import { formPublicRoutes } from '../forms/form-public-routes.js';
import { formRoutes } from '../forms/form-routes.js';
import { siteRoutes } from './site-routes.js';
import { trackingPublicRoutes } from './tracking-routes.js';
import './process-intake.js';
import './web-daily.js';
import './web-overview.js';
import './web-segment-fields.js';
import './web-contact-data.js';
import '../forms/process-submissions.js';
import '../forms/form-contact-data.js';

export const webApiRoutes: FastifyPluginAsync = async (app) => {
  await app.register(siteRoutes);
  await app.register(formRoutes);
};

/** Served outside /api/v1: the snippet, the event endpoint, forms for other sites and the double opt-in link. */
export const webRootRoutes: FastifyPluginAsync = async (app) => {
  await app.register(trackingPublicRoutes);
  await app.register(formPublicRoutes);
};
