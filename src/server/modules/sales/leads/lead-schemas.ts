// zod schemas of the leads API: inbound capture, activity, conversion, the lead and the list query.
import { z } from 'zod';
import { listQueryBase } from '../../../core/pagination.js';
import { activityKinds, leadStatuses } from './lead-tables.js';
import { leadScoreSchema } from '../scoring/scoring-schemas.js';
import { assignmentStepSchema } from '../assignment/assignment-steps.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const opt = (max: number) => text(max).nullable().optional();

export const captureLeadInput = z.strictObject({
  name: text(200),
  givenName: opt(100),
  familyName: opt(100),
  email: z.string().trim().toLowerCase().pipe(z.email('not a valid email address')).optional(),
  phone: text(40).optional(),
  company: opt(200),
  title: opt(200),
  industry: opt(100),
  companySize: z.enum(['1-10', '11-50', '51-200', '201-1000', '1000+']).nullable().optional(),
  region: opt(100),
  city: opt(100),
  country: opt(100),
  message: z.string().trim().max(5000).nullable().optional(),
  source: opt(100),
  formName: opt(100),
  utmSource: opt(200),
  utmMedium: opt(200),
  utmCampaign: opt(200),
  utmTerm: opt(200),
  utmContent: opt(200),
});
export type CaptureLeadInput = z.infer<typeof captureLeadInput>;

export const activityInput = z.strictObject({
  kind: z.enum(['email_opened', 'page_visited', 'form_submitted']),
  occurredAt: z.iso.datetime({ offset: true, message: 'an ISO 8601 date-time' }).optional(),
  detail: z.record(z.string(), z.union([z.string().max(500), z.number(), z.boolean()])).optional(),
});
export type ActivityInput = z.infer<typeof activityInput>;

export const convertInput = z.strictObject({
  /** Default: opportunity when a deal is made, else qualified. */
  stage: z.enum(['qualified', 'opportunity']).optional(),
  companyName: opt(200),
  deal: z
    .strictObject({
      name: text(200),
      amount: z.number().int('in minor units (cents/分), a whole number').min(0).optional(),
      currency: z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code').optional(),
      pipelineId: z.string().min(1).max(100).optional(),
      expectedCloseDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').optional(),
    })
    .optional(),
  note: z.string().trim().max(2000).optional(),
});
export type ConvertInput = z.infer<typeof convertInput>;

export const leadSchema = z.object({
  contactId: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  title: z.string().nullable(),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  lifecycleStage: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  teamId: z.string().nullable(),
  status: z.enum(leadStatuses),
  source: z.string().nullable(),
  utm: z.object({ source: z.string().nullable(), medium: z.string().nullable(), campaign: z.string().nullable(), term: z.string().nullable(), content: z.string().nullable() }),
  formName: z.string().nullable(),
  message: z.string().nullable(),
  assignment: z.object({ status: z.string(), ruleId: z.string().nullable(), explanation: z.string().nullable(), steps: z.array(assignmentStepSchema).nullable(), assignedAt: z.string().nullable(), reassignCount: z.number() }),
  score: z.number().nullable(),
  lastTouchedAt: z.string().nullable(),
  convertedAt: z.string().nullable(),
  dealId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Lead = z.infer<typeof leadSchema>;

export const activitySchema = z.object({ id: z.string(), kind: z.enum(activityKinds), occurredAt: z.string(), detail: z.record(z.string(), z.unknown()) });
export const leadDetailSchema = leadSchema.extend({ scoring: leadScoreSchema.nullable(), activity: z.array(activitySchema) });

export const leadListQuery = z.strictObject({
  ...listQueryBase,
  owner: z.string().max(100).optional().describe('me, none, or a user id'),
  status: z.enum(leadStatuses).optional(),
  source: z.string().max(100).optional(),
  minScore: z.coerce.number().optional(),
  maxScore: z.coerce.number().optional(),
  sort: z.enum(['score', '-score', 'createdAt', '-createdAt']).optional(),
});
export type LeadListQuery = z.infer<typeof leadListQuery>;
export const leadStatusInput = z.strictObject({ status: z.enum(['new', 'working', 'disqualified']), reason: z.string().trim().min(1).max(500).optional() });
export type LeadStatusInput = z.infer<typeof leadStatusInput>;
export const contactIdParams = z.object({ contactId: z.string().min(1).max(100) });
