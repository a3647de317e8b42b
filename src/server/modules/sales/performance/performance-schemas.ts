// zod schemas of sales performance per rep and per team.
import { z } from 'zod';
import { currencyCode, dateOnly } from '../deals/deal-schemas.js';

export const performanceQuery = z.object({
  from: dateOnly,
  /** Exclusive. */
  to: dateOnly,
  groupBy: z.enum(['rep', 'team']).default('rep'),
  teamId: z.string().max(100).optional(),
  pipelineId: z.string().max(100).optional(),
  currency: currencyCode.optional(),
});
export type PerformanceQuery = z.infer<typeof performanceQuery>;

export const conversionSchema = z.object({ fromStage: z.string(), toStage: z.string(), entered: z.number(), advanced: z.number(), rate: z.number().nullable() });
export const performanceRow = z.object({
  key: z.string(),
  name: z.string(),
  activities: z.number(),
  leadsContacted: z.number(),
  dealsCreated: z.number(),
  won: z.number(),
  lost: z.number(),
  winRate: z.number().nullable(),
  averageDealSize: z.number().nullable(),
  salesCycleDays: z.number().nullable(),
  revenue: z.number(),
  conversions: z.array(conversionSchema),
});
export type PerformanceRow = z.infer<typeof performanceRow>;
export const performanceSchema = z.object({ currency: z.string(), from: z.string(), to: z.string(), groupBy: z.enum(['rep', 'team']), pipelineId: z.string(), rows: z.array(performanceRow) });
