// Data in and out: webhooks (and, as they arrive, import, export, dedup/merge, backup).
import type { FastifyPluginAsync } from 'fastify';
import { registerPoller } from '../../core/jobs/worker.js';
import { webhookRoutes } from './webhooks/webhook-routes.js';
import { importRoutes } from './import/import-routes.js';
import { dedupRoutes } from './dedup/dedup-routes.js';
import { householdRoutes } from './households/household-routes.js';
import './dedup/dedup-job.js';
import './households/household-job.js';
import './households/household-overview.js';
import { deliverDue, fanOutEvents } from './webhooks/webhook-delivery.js';
import { bulkEventTypesWanted } from './webhooks/webhook-service.js';
import { registerBulkInterest } from '../../core/events/bulk-events.js';
import { exportRoutes } from './export/export-routes.js';
import { privacyRoutes } from './privacy/privacy-routes.js';
import { backupRoutes } from './backup/backup-routes.js';
import './backup/backup-job.js';

export { dataMigrations } from './migrations.js';
export { registerImportTarget, type ImportTarget, type ImportField } from './import/import-target.js';
export { importFileFromCli } from './import/import-cli.js';
export { runDedupJob } from './dedup/dedup-job.js';
export { exportToFile } from './export/export-file.js';
export { configureBackups } from './backup/backup-job.js';
export { createBackup, pruneBackups, listBackups } from './backup/backup-service.js';
export { restoreBackup } from './backup/restore-backup.js';
export { signPayload, verifySignature, SIGNATURE_HEADER } from './webhooks/webhook-signature.js';
export { registerHouseholdValueContributor, type HouseholdValueContributor } from './households/household-value.js';

registerPoller({ name: 'webhooks.fan-out', run: fanOutEvents, idleMs: 1000 });
registerPoller({ name: 'webhooks.deliver', run: (db) => deliverDue(db), idleMs: 1000 });
// Bulk operations write per-record events only for the types some webhook opted in to.
registerBulkInterest(bulkEventTypesWanted);

export const dataRoutes: FastifyPluginAsync = async (app) => {
  await app.register(webhookRoutes);
  await app.register(importRoutes);
  await app.register(dedupRoutes);
  await app.register(householdRoutes);
  await app.register(exportRoutes);
  await app.register(privacyRoutes);
  await app.register(backupRoutes);
};
