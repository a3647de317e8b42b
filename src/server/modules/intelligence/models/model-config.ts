// What defines a model: its kind, the time window of a time-based label, and the label of a custom model (a boolean
// custom field of the contact or a lifecycle stage, e.g. a telecom's imported `churned` column).
import { z } from 'zod';
import { lifecycleStages } from '../../customers/index.js';
import { modelKinds } from './model-tables.js';

export const modelLabel = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('customField'), key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/) }),
  z.strictObject({ type: z.literal('lifecycle'), stage: z.enum(lifecycleStages) }),
]);

export const modelConfig = z.strictObject({
  /** churn: 'lifecycle' (stage = churned) or 'window' (no purchase within windowDays). */
  churnBy: z.enum(['lifecycle', 'window']).optional(),
  /** Days: the churn window, the propensity horizon ("buys in the next N days"), the lead's time to convert. */
  windowDays: z.number().int().min(7).max(730).default(90),
  label: modelLabel.optional(),
});
export type ModelConfig = z.infer<typeof modelConfig>;

export const modelInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(modelKinds),
  threshold: z.number().min(0.01).max(0.99).default(0.5),
  config: modelConfig.default({ windowDays: 90 }),
});
export type ModelInput = z.infer<typeof modelInput>;
