// zod schemas of pipelines and their board (requests, responses, OpenAPI).
import { z } from 'zod';

export const stageKinds = ['open', 'won', 'lost'] as const;
const name = z.string().trim().min(1).max(100);

export const stageInput = z.strictObject({
  id: z.string().max(100).optional(),
  name,
  probability: z.number().int().min(0).max(100),
  kind: z.enum(stageKinds).default('open'),
});
export const pipelineInput = z.strictObject({ name, stages: z.array(stageInput).min(3).max(30), isDefault: z.boolean().optional() });
export const pipelinePatch = z.strictObject({ name: name.optional(), stages: z.array(stageInput).min(3).max(30).optional(), isDefault: z.literal(true).optional() });
export type PipelineInput = z.infer<typeof pipelineInput>;
export type PipelinePatch = z.infer<typeof pipelinePatch>;

export const stageSchema = z.object({ id: z.string(), name: z.string(), position: z.number(), probability: z.number(), kind: z.enum(stageKinds) });
export const pipelineSchema = z.object({ id: z.string(), name: z.string(), isDefault: z.boolean(), position: z.number(), stages: z.array(stageSchema), createdAt: z.string(), updatedAt: z.string() });
export type Stage = z.infer<typeof stageSchema>;
export type Pipeline = z.infer<typeof pipelineSchema>;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');
export const boardQuery = z.object({
  ownerId: z.string().max(100).optional(),
  closeMonth: month.optional(),
  /** Page one column only (load more), from its cursor. */
  stageId: z.string().max(100).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export type BoardQuery = z.infer<typeof boardQuery>;

export const boardCardSchema = z.object({
  id: z.string(),
  name: z.string(),
  amount: z.number(),
  currency: z.string(),
  expectedCloseDate: z.string().nullable(),
  /** When the deal was won or lost (null while open). */
  closedAt: z.string().nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  status: z.string(),
  forecastCategory: z.string(),
  position: z.number(),
  stageEnteredAt: z.string(),
});
export const columnTotalSchema = z.object({ currency: z.string(), count: z.number(), amount: z.number(), weightedAmount: z.number() });
export const boardColumnSchema = z.object({
  stage: stageSchema,
  count: z.number(),
  totals: z.array(columnTotalSchema),
  deals: z.array(boardCardSchema),
  nextCursor: z.string().nullable(),
});
export const boardSchema = z.object({ pipeline: pipelineSchema.omit({ stages: true }), columns: z.array(boardColumnSchema) });
export type BoardCard = z.infer<typeof boardCardSchema>;
