// The request of a bulk change to contacts: which contacts (ids, or the list's filter) and what to do to them.
import { z } from 'zod';
import { lifecycleStages } from '../tables.js';
import { contactListQuery } from '../schemas.js';

/** The list's filters (and q) without paging: a selection of "everything matching" is sent as this, never as ids. */
export const bulkFilter = contactListQuery.omit({ limit: true, cursor: true, sort: true });

export const bulkSelection = z.union([
  z.strictObject({ ids: z.array(z.string().max(100)).min(1).max(10_000) }),
  z.strictObject({ filter: bulkFilter }),
]);
export type BulkSelection = z.infer<typeof bulkSelection>;

const tag = z.string().trim().min(1).max(50);

export const bulkAction = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('assignOwner'), ownerId: z.string().max(100).nullable() }),
  z.strictObject({ type: z.literal('addTag'), tag }),
  z.strictObject({ type: z.literal('removeTag'), tag }),
  z.strictObject({ type: z.literal('setLifecycleStage'), lifecycleStage: z.enum(lifecycleStages) }),
]);
export type BulkAction = z.infer<typeof bulkAction> | { type: 'delete' };

export const bulkBody = z.strictObject({ selection: bulkSelection, action: bulkAction });
export const bulkDeleteBody = z.strictObject({ selection: bulkSelection });

export const bulkCounts = z.object({ matched: z.number().int(), changed: z.number().int(), skipped: z.number().int() });
export type BulkCounts = z.infer<typeof bulkCounts>;

/** Inline answer (small selection) or the job that does it (large selection, and every delete). */
export const bulkResult = z.union([
  z.object({ mode: z.literal('inline'), ...bulkCounts.shape }),
  z.object({ mode: z.literal('job'), jobId: z.string(), runAt: z.string() }),
]);
