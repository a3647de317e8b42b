// Zod schemas of the predictive-model routes (validation and OpenAPI).
import { z } from 'zod';
import { modelConfig } from './model-config.js';
import { modelKinds, modelStatuses } from './model-tables.js';

export { modelInput } from './model-config.js';

export const reasonSchema = z.object({
  kind: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  direction: z.enum(['above', 'below']),
  weight: z.number(),
});

const featureDef = z.object({ key: z.string(), source: z.string(), field: z.object({ key: z.string(), label: z.string(), type: z.string() }).optional(), value: z.string().optional() });

export const cardSchema = z.looseObject({
  auc: z.number().nullable(),
  threshold: z.number(),
  precision: z.number().nullable(),
  recall: z.number().nullable(),
  baseRate: z.number(),
  rows: z.number(),
  positives: z.number(),
  trainRows: z.number(),
  testRows: z.number(),
  calibration: z.array(z.object({ from: z.number(), to: z.number(), count: z.number(), predicted: z.number(), observed: z.number() })),
  roc: z.array(z.object({ threshold: z.number(), tpr: z.number(), fpr: z.number() })),
  topFeatures: z.array(z.object({ def: featureDef, weight: z.number() })),
  verdict: z.object({ code: z.enum(['ok', 'insufficient', 'noSignal']), params: z.record(z.string(), z.number()) }),
});

export const modelSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(modelKinds),
  config: modelConfig,
  threshold: z.number(),
  status: z.enum(modelStatuses),
  statusMessage: z.string().nullable(),
  activeVersion: z.number().nullable(),
  scoredContacts: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  latestVersion: z.object({ version: z.number(), status: z.string(), message: z.string().nullable(), rows: z.number(), positives: z.number(), trainedAt: z.string(), card: cardSchema }).nullable(),
});

export const modelPatch = z.strictObject({ name: z.string().trim().min(1).max(100).optional(), threshold: z.number().min(0.01).max(0.99).optional() });

export const versionSchema = z.object({ version: z.number(), status: z.string(), message: z.string().nullable(), rows: z.number(), positives: z.number(), trainedAt: z.string(), auc: z.number().nullable() });

export const scoresQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  minScore: z.coerce.number().min(0).max(1).optional(),
  maxScore: z.coerce.number().min(0).max(1).optional(),
});

export const scoredContactSchema = z.object({ contactId: z.string(), displayName: z.string(), lifecycleStage: z.string(), score: z.number(), version: z.number(), reasons: z.array(reasonSchema), scoredAt: z.string() });

export const correctionSchema = z.object({ label: z.boolean(), note: z.string().nullable(), at: z.string(), by: z.string().nullable() });

export const contactScoreSchema = z.object({ modelId: z.string(), name: z.string(), kind: z.enum(modelKinds), threshold: z.number(), score: z.number(), high: z.boolean(), version: z.number(), reasons: z.array(reasonSchema), scoredAt: z.string(), correction: correctionSchema.nullable() });

export const correctionInput = z.strictObject({ contactId: z.string().min(1).max(100), label: z.boolean(), note: z.string().trim().max(500).nullable().optional() });
export const correctionResult = z.object({ id: z.string(), modelId: z.string(), contactId: z.string(), label: z.boolean(), note: z.string().nullable(), scoreThen: z.number().nullable(), createdAt: z.string() });

export const scoresOfContactsQuery = z.strictObject({ contactIds: z.string().max(8000).transform((v) => [...new Set(v.split(',').map((x) => x.trim()).filter(Boolean))]).pipe(z.array(z.string().max(100)).max(200)) });
export const scoreOfContactSchema = z.object({ contactId: z.string(), modelId: z.string(), score: z.number(), high: z.boolean() });
