// zod schemas of forecasts and quotas.
import { z } from 'zod';
import { currencyCode, money } from '../deals/deal-schemas.js';

export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');
const id = z.string().min(1).max(100);

export const forecastQuery = z.object({
  period: z.enum(['month', 'quarter']).default('month'),
  from: month,
  to: month,
  currency: currencyCode.optional(),
  ownerId: id.optional(),
  teamId: id.optional(),
  pipelineId: id.optional(),
  /** The day the historical forecast projects from (default today), YYYY-MM-DD. */
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').optional(),
});
export type ForecastQuery = z.infer<typeof forecastQuery>;

export const forecastRow = z.object({
  period: z.string(),
  pipeline: z.number(),
  weighted: z.number(),
  commit: z.number(),
  bestCase: z.number(),
  historical: z.number(),
  wonDeals: z.number(),
  orderRevenue: z.number(),
  closed: z.number(),
  quota: z.number().nullable(),
  attainment: z.number().nullable(),
});
export const forecastSchema = z.object({
  currency: z.string(),
  period: z.enum(['month', 'quarter']),
  rows: z.array(forecastRow),
  reps: z.array(z.object({ ownerId: z.string().nullable(), winRate: z.number(), cycleDays: z.number(), closedDeals: z.number() })),
});
export type ForecastRow = z.infer<typeof forecastRow>;

export const quotaInput = z
  .strictObject({ userId: id.optional(), teamId: id.optional(), month, amount: money, currency: currencyCode.optional() })
  .refine((q) => Boolean(q.userId) !== Boolean(q.teamId), 'give exactly one of userId or teamId');
export type QuotaInput = z.infer<typeof quotaInput>;
export const quotaSchema = z.object({ userId: z.string().nullable(), teamId: z.string().nullable(), month: z.string(), amount: z.number(), currency: z.string() });
export const quotaListQuery = z.object({ from: month, to: month });
