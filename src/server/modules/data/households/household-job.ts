// The 'households' background job (`rapport households`, POST /households/regroup): groups every contact again.
import { registerJobHandler } from '../../../core/jobs/job-queue.js';
import { countContacts } from '../../customers/index.js';
import { findHouseholds } from './household-grouping.js';
import { applyHouseholds } from './household-rebuild.js';
import './household-contact-data.js';

registerJobHandler<Record<string, never>>('households', async (ctx) => {
  const total = await countContacts(ctx.db.kysely);
  const found = await findHouseholds(ctx.db, (scanned) => ctx.checkpoint({ phase: 'scan', scanned, total }));
  return applyHouseholds(ctx.db, found, ctx.job.createdBy);
});
