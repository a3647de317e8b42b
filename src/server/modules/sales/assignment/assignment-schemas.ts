// zod schemas of the lead assignment API: ordered rules (conditions → team and strategy) and the re-assignment setting.
import { z } from 'zod';
import { assignmentStrategies } from './assignment-tables.js';

const values = z.array(z.string().trim().min(1).max(100)).min(1).max(200).optional();
export const conditionsSchema = z.strictObject({ regions: values, cities: values, countries: values, industries: values, companySizes: values, sources: values });
export type Conditions = z.infer<typeof conditionsSchema>;

export const assignmentRuleInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  conditions: conditionsSchema.default({}),
  teamId: z.string().max(100).nullable().optional(),
  strategy: z.enum(assignmentStrategies),
  userId: z.string().max(100).nullable().optional(),
  position: z.number().int().min(0).max(100_000).optional(),
  active: z.boolean().optional(),
});
export type AssignmentRuleInput = z.infer<typeof assignmentRuleInput>;
// No default in a patch: an omitted `conditions` keeps the rule's conditions instead of turning it into a catch-all.
export const assignmentRulePatch = assignmentRuleInput.extend({ conditions: conditionsSchema }).partial();
export type AssignmentRulePatch = z.infer<typeof assignmentRulePatch>;

export const assignmentRuleSchema = z.object({
  id: z.string(),
  name: z.string(),
  position: z.number(),
  conditions: conditionsSchema,
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  strategy: z.enum(assignmentStrategies),
  userId: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AssignmentRule = z.infer<typeof assignmentRuleSchema>;

export const assignmentSettingsSchema = z.strictObject({
  reassignAfterHours: z.number().min(0, '0 turns re-assignment off').max(8760),
});
export type AssignmentSettings = z.infer<typeof assignmentSettingsSchema>;
