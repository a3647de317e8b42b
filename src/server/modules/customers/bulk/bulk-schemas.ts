// The request of a bulk change to contacts or companies: which records (ids, or the list's filter) and what to do.
import { z } from 'zod';
import { lifecycleStages } from '../tables.js';
import { companyListQuery, contactListQuery } from '../schemas.js';

/** A selection of chosen ids, or of "everything matching" sent as the list's filters (and q), never as ids. */
function selectionOf<F extends z.ZodType>(filter: F) {
  return z.union([z.strictObject({ ids: z.array(z.string().max(100)).min(1).max(10_000) }), z.strictObject({ filter })]);
}
export type BulkSelection = { ids: string[] } | { filter: Record<string, unknown> };

const tag = z.string().trim().min(1).max(50);
const sharedActions = [
  z.strictObject({ type: z.literal('assignOwner'), ownerId: z.string().max(100).nullable() }),
  z.strictObject({ type: z.literal('addTag'), tag }),
  z.strictObject({ type: z.literal('removeTag'), tag }),
] as const;
const setLifecycleStage = z.strictObject({ type: z.literal('setLifecycleStage'), lifecycleStage: z.enum(lifecycleStages) });

const contactAction = z.discriminatedUnion('type', [...sharedActions, setLifecycleStage]);
export type BulkAction = z.infer<typeof contactAction> | { type: 'delete' };

/** The list's filters without paging, per list. */
const filters = {
  contacts: contactListQuery.omit({ limit: true, cursor: true, sort: true }),
  companies: companyListQuery.omit({ limit: true, cursor: true, sort: true }),
};
const actions = { contacts: contactAction, companies: z.discriminatedUnion('type', [...sharedActions]) };

/** POST /<object>/bulk and /<object>/bulk-delete bodies: contacts also take a lifecycle stage. */
export function bulkBodies(object: 'contacts' | 'companies') {
  const selection = selectionOf(filters[object]);
  return { body: z.strictObject({ selection, action: actions[object] }), deleteBody: z.strictObject({ selection }) };
}

export const bulkCounts = z.object({ matched: z.number().int(), changed: z.number().int(), skipped: z.number().int() });
export type BulkCounts = z.infer<typeof bulkCounts>;

/** Inline answer (small selection) or the job that does it (large selection, and every delete). */
export const bulkResult = z.union([
  z.object({ mode: z.literal('inline'), ...bulkCounts.shape }),
  z.object({ mode: z.literal('job'), jobId: z.string(), runAt: z.string() }),
]);
