// zod schemas of the segments API (they also make the OpenAPI). The rule tree is checked by segment-rules.ts against
// the field registry, so its errors name the exact node (rules.children[1].operator).
import { z } from 'zod';
import { segmentFieldTypes } from './segment-fields.js';
import { segmentOperators } from './segment-operators.js';

export const rulesSchema = z
  .record(z.string(), z.unknown())
  .describe('A group { combinator: "and" | "or", children: [...] } of conditions { field, operator, value } and nested groups; GET /segments/fields lists the fields and their operators');

export const segmentKind = z.enum(['dynamic', 'static']);
export const createSegmentBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(1000).nullable().optional(),
  kind: segmentKind.default('dynamic'),
  rules: rulesSchema,
});
export const patchSegmentBody = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  description: z.string().trim().max(1000).nullable().optional(),
  kind: segmentKind.optional(),
  rules: rulesSchema.optional(),
});
export type CreateSegmentBody = z.infer<typeof createSegmentBody>;
export type PatchSegmentBody = z.infer<typeof patchSegmentBody>;

export const countSchema = z.object({ total: z.number().int(), estimated: z.boolean() });

export const segmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  kind: segmentKind,
  rules: z.record(z.string(), z.unknown()),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  /** The members the caller may see (record visibility). */
  memberCount: countSchema,
  evaluatedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Segment = z.infer<typeof segmentSchema>;

export const segmentFieldSchema = z.object({
  key: z.string(),
  group: z.string(),
  label: z.string(),
  type: z.enum(segmentFieldTypes),
  operators: z.array(z.enum(segmentOperators)),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  optionsFrom: z.enum(['users', 'teams']).optional(),
});

export const snapshotSchema = z.object({ id: z.string(), segmentId: z.string(), memberCount: z.number().int(), createdBy: z.string().nullable(), createdAt: z.string() });
export type Snapshot = z.infer<typeof snapshotSchema>;
