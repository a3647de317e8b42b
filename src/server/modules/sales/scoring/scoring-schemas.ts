// zod schemas of the scoring rules API (they validate requests and make the OpenAPI).
import { z } from 'zod';
import { activityKinds } from '../leads/lead-tables.js';

export const attributeFields = ['title', 'industry', 'companySize', 'region', 'city', 'country', 'source', 'lifecycleStage'] as const;
const fieldSchema = z
  .string()
  .trim()
  .regex(/^(title|industry|companySize|region|city|country|source|lifecycleStage|cf\.[A-Za-z0-9_]{1,50})$/, `one of ${attributeFields.join(', ')} or cf.<custom field key>`);
const name = z.string().trim().min(1).max(100);
const points = z.number().min(-1000).max(1000);

export const attributeRuleInput = z.strictObject({
  kind: z.literal('attribute'),
  name,
  field: fieldSchema,
  operator: z.enum(['equals', 'contains', 'in']),
  value: z.union([z.string().trim().min(1).max(200), z.array(z.string().trim().min(1).max(200)).min(1).max(100)]),
  points,
  active: z.boolean().optional(),
});
export const behaviourRuleInput = z.strictObject({
  kind: z.literal('behaviour'),
  name,
  event: z.enum(activityKinds),
  points,
  halfLifeDays: z.number().positive().max(3650).nullable().optional(),
  active: z.boolean().optional(),
});
export const scoringRuleInput = z.discriminatedUnion('kind', [attributeRuleInput, behaviourRuleInput]);
export type ScoringRuleInput = z.infer<typeof scoringRuleInput>;

/** A change names only what changes; the result is checked again as a whole rule of its kind. */
export const scoringRulePatch = z.strictObject({
  name: name.optional(),
  field: fieldSchema.optional(),
  operator: z.enum(['equals', 'contains', 'in']).optional(),
  value: attributeRuleInput.shape.value.optional(),
  event: z.enum(activityKinds).optional(),
  points: points.optional(),
  halfLifeDays: z.number().positive().max(3650).nullable().optional(),
  active: z.boolean().optional(),
});
export type ScoringRulePatch = z.infer<typeof scoringRulePatch>;

export const scoringRuleSchema = z.object({
  id: z.string(),
  kind: z.enum(['attribute', 'behaviour']),
  name: z.string(),
  field: z.string().nullable(),
  operator: z.string().nullable(),
  value: z.union([z.string(), z.array(z.string())]).nullable(),
  event: z.string().nullable(),
  points: z.number(),
  halfLifeDays: z.number().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ScoringRuleView = z.infer<typeof scoringRuleSchema>;

export const scoreLineSchema = z.object({ ruleId: z.string(), name: z.string(), kind: z.enum(['attribute', 'behaviour']), points: z.number(), count: z.number(), detail: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });
export const leadScoreSchema = z.object({
  value: z.number(),
  ruleScore: z.number(),
  /** Reserved for the learned score of a later issue. */
  predictive: z.number().nullable(),
  breakdown: z.array(scoreLineSchema),
  computedAt: z.string(),
});
export type LeadScoreView = z.infer<typeof leadScoreSchema>;
