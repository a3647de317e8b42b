// zod schemas of the campaigns API (they also make the OpenAPI).
import { z } from 'zod';
import { templateBlocks } from './template/template-blocks.js';

export const campaignStatuses = ['draft', 'scheduled', 'sending', 'sent', 'cancelled'] as const;
export const campaignLanguage = z.enum(['en', 'zh-CN']);

const fields = {
  name: z.string().trim().min(1).max(200),
  segmentId: z.string().max(100).nullable(),
  language: campaignLanguage,
  subject: z.string().trim().min(1).max(300),
  preheader: z.string().trim().max(300).nullable(),
  blocks: templateBlocks,
  fromName: z.string().trim().max(100).nullable(),
  throttlePerMinute: z.number().int().min(1).max(100_000).describe('Messages per minute at most'),
  cost: z.number().int().min(0).max(2_000_000_000).describe('What the campaign cost, in minor units (cents, fen)'),
  currency: z.string().regex(/^[A-Z]{3}$/),
  attributionDays: z.number().int().min(1).max(90).describe('Orders within this many days after a recipient’s message count for the campaign'),
  abSubject: z.string().trim().max(300).nullable().describe('A/B test: the second subject (null: no test)'),
  abSharePercent: z.number().int().min(0).max(50).describe('A/B test: the share of the audience in the test, half each subject'),
  abMetric: z.enum(['open', 'click']),
  abWaitMinutes: z.number().int().min(0).max(10_080),
};

export const createCampaignBody = z.strictObject({
  ...fields,
  segmentId: fields.segmentId.optional(),
  language: fields.language.default('en'),
  preheader: fields.preheader.optional(),
  blocks: fields.blocks.default([]),
  fromName: fields.fromName.optional(),
  throttlePerMinute: fields.throttlePerMinute.default(600),
  cost: fields.cost.default(0),
  currency: fields.currency.default('CNY'),
  attributionDays: fields.attributionDays.default(7),
  abSubject: fields.abSubject.optional(),
  abSharePercent: fields.abSharePercent.default(0),
  abMetric: fields.abMetric.default('open'),
  abWaitMinutes: fields.abWaitMinutes.default(240),
});
export const patchCampaignBody = z.strictObject(fields).partial();
export type CreateCampaignBody = z.infer<typeof createCampaignBody>;
export type PatchCampaignBody = z.infer<typeof patchCampaignBody>;

export const campaignStatsSchema = z.object({ audience: z.number(), sent: z.number(), opened: z.number(), clicked: z.number(), openRate: z.number(), clickRate: z.number() });

export const campaignSchema = z.object({
  id: z.string(),
  ...fields,
  status: z.enum(campaignStatuses),
  segmentName: z.string().nullable(),
  scheduledAt: z.string().nullable(),
  timeZone: z.string().nullable(),
  abWinner: z.string().nullable(),
  jobId: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  stats: campaignStatsSchema,
});
export type Campaign = z.infer<typeof campaignSchema>;

export const scheduleBody = z.strictObject({
  sendAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'a local date and time: YYYY-MM-DDTHH:MM')
    .optional()
    .describe('Wall-clock time in timeZone; leave out to send now'),
  timeZone: z.string().max(64).default('UTC'),
});

export const previewBody = z.strictObject({
  subject: fields.subject,
  preheader: fields.preheader.optional(),
  blocks: fields.blocks,
  language: fields.language.default('en'),
  contactId: z.string().max(100).optional().describe('Render as this contact (their values in the variables)'),
});
export const previewSchema = z.object({ subject: z.string(), html: z.string(), text: z.string(), mjml: z.string() });
export const testSendBody = z.strictObject({ to: z.string().trim().email().max(254), contactId: z.string().max(100).optional() });

export const reportSchema = z.object({
  audience: z.number(),
  sent: z.number(),
  delivered: z.number(),
  failed: z.number(),
  pending: z.number(),
  uncertain: z.number(),
  skipped: z.record(z.string(), z.number()),
  opens: z.object({ unique: z.number(), total: z.number(), rate: z.number() }),
  clicks: z.object({ unique: z.number(), total: z.number(), rate: z.number() }),
  links: z.array(z.object({ url: z.string(), clicks: z.number(), unique: z.number() })),
  unsubscribes: z.number(),
  bounces: z.number(),
  /** Recipients whose complaint (ARF feedback report) was received. */
  complaints: z.number(),
  timeline: z.array(z.object({ hour: z.string(), opens: z.number(), clicks: z.number() })),
  variants: z.array(z.object({ variant: z.string(), sent: z.number(), opened: z.number(), clicked: z.number() })),
  roi: z.object({
    attributionDays: z.number(),
    cost: z.number(),
    currency: z.string(),
    orders: z.number(),
    buyers: z.number(),
    revenue: z.array(z.object({ currency: z.string(), amount: z.number() })),
    /** (revenue in the campaign's currency − cost) / cost; null without a cost. */
    roi: z.number().nullable(),
  }),
});
export type CampaignReport = z.infer<typeof reportSchema>;
