// The list of modules the app is made of: their migrations and their routes, in order.
import type { FastifyPluginAsync } from 'fastify';
import type { MigrationSet } from './core/db/migrate.js';
import { coreMigrations } from './core/migrations.js';
import { accountMigrations, adminRoutes, apiKeyRoutes, authRoutes } from './modules/accounts/index.js';
import { customerMigrations, customerRoutes } from './modules/customers/index.js';
import { interactionMigrations, interactionRoutes } from './modules/interactions/index.js';
import { auditRoutes } from './core/audit/audit-routes.js';
import { jobRoutes } from './core/jobs/job-routes.js';
import { notificationRoutes } from './core/notifications/notification-routes.js';
import { todayRoutes } from './core/today/today-routes.js';
import './core/jobs/schedules.js';
import './core/mail/mail-outbox.js';
import { dataMigrations, dataRoutes } from './modules/data/index.js';
import { salesMigrations, salesRoutes } from './modules/sales/index.js';
import { helpCentreRoutes, knowledgeMigrations, knowledgeRoutes } from './modules/knowledge/index.js';
import { serviceMigrations, serviceRootRoutes, serviceRoutes } from './modules/service/index.js';
import { campaignRootRoutes, marketingMigrations, marketingRootRoutes, marketingRoutes } from './modules/marketing/index.js';
import { intelligenceMigrations, intelligenceRoutes } from './modules/intelligence/index.js';

export const migrationSets: MigrationSet[] = [coreMigrations, accountMigrations, customerMigrations, interactionMigrations, dataMigrations, salesMigrations, serviceMigrations, knowledgeMigrations, intelligenceMigrations, marketingMigrations];

export const routePlugins: FastifyPluginAsync<any>[] = [authRoutes, adminRoutes, apiKeyRoutes, customerRoutes, interactionRoutes, dataRoutes, salesRoutes, serviceRoutes, knowledgeRoutes, intelligenceRoutes, marketingRoutes, auditRoutes, jobRoutes, notificationRoutes, todayRoutes];

/** Plugins served outside /api/v1 (the chat widget's script and visitor endpoints); they read no session cookie. */
export const rootRoutePlugins: FastifyPluginAsync<any>[] = [serviceRootRoutes, helpCentreRoutes, marketingRootRoutes, campaignRootRoutes];
