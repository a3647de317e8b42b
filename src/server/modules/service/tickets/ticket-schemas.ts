// zod schemas of tickets at the HTTP edge (and the OpenAPI they generate): the ticket, its input, patch and list query.
import { z } from 'zod';
import { listQueryBase } from '../../../core/pagination.js';
import { serviceChannels, ticketPriorities, ticketStatuses } from '../tables.js';

const tag = z.string().trim().min(1).max(50);
const customValue = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);
const customFields = z.record(z.string().regex(/^[A-Za-z][\w-]{0,60}$/), customValue).refine((f) => Object.keys(f).length <= 50, { error: 'at most 50 custom fields' });
const id = z.string().min(1).max(100);

export const ticketSchema = z.object({
  id: z.string(),
  number: z.number().describe('shown as #1001'),
  subject: z.string(),
  description: z.string().nullable(),
  status: z.enum(ticketStatuses),
  priority: z.enum(ticketPriorities),
  category: z.string().nullable(),
  channel: z.enum(serviceChannels),
  language: z.string().nullable(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable().describe('null when the requester is not visible to the caller'),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  tags: z.array(z.string()),
  customFields: z.record(z.string(), customValue),
  dealId: z.string().nullable(),
  dealName: z.string().nullable(),
  orderId: z.string().nullable(),
  orderLabel: z.string().nullable().describe('the order\'s external id or date; null when not visible to the caller'),
  mergedIntoId: z.string().nullable(),
  mergedIntoNumber: z.number().nullable().describe('the number of the ticket this one was merged into'),
  firstRespondedAt: z.string().nullable(),
  solvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Ticket = z.infer<typeof ticketSchema>;

export const ticketInput = z.strictObject({
  subject: z.string().trim().min(1, 'a ticket needs a subject').max(300),
  description: z.string().max(20_000).nullish(),
  priority: z.enum(ticketPriorities).default('normal'),
  category: z.string().trim().max(100).nullish(),
  channel: z.enum(serviceChannels).default('web'),
  language: z.string().max(20).nullish(),
  contactId: id.nullish(),
  companyId: id.nullish(),
  assigneeId: id.nullish(),
  teamId: id.nullish(),
  tags: z.array(tag).max(30).default([]),
  customFields: customFields.default({}),
  dealId: id.nullish(),
  orderId: id.nullish(),
});
export type TicketInput = z.input<typeof ticketInput>;

export const ticketPatch = z.strictObject({
  subject: z.string().trim().min(1).max(300).optional(),
  description: z.string().max(20_000).nullable().optional(),
  status: z.enum(ticketStatuses).optional(),
  priority: z.enum(ticketPriorities).optional(),
  category: z.string().trim().max(100).nullable().optional(),
  language: z.string().max(20).nullable().optional(),
  contactId: id.nullable().optional(),
  companyId: id.nullable().optional(),
  assigneeId: id.nullable().optional(),
  teamId: id.nullable().optional(),
  tags: z.array(tag).max(30).optional(),
  customFields: customFields.optional(),
  dealId: id.nullable().optional(),
  orderId: id.nullable().optional(),
});
export type TicketPatch = z.infer<typeof ticketPatch>;

/** A comma list of values ("new,open") or one value. */
const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z.string().max(200).transform((s, ctx) => {
    const parts = s.split(',').map((x) => x.trim()).filter(Boolean);
    for (const p of parts) if (!values.includes(p)) ctx.addIssue({ code: 'custom', message: `one of: ${values.join(', ')}` });
    return parts as unknown as T[number][];
  });

export const ticketListFilters = {
  status: csv(ticketStatuses).optional().describe('one status or a comma list; "active" views use new,open,pending,on_hold'),
  priority: csv(ticketPriorities).optional(),
  assigneeId: z.string().max(100).optional().describe('a user id, "me" or "unassigned"'),
  teamId: z.string().max(100).optional(),
  channel: z.enum(serviceChannels).optional(),
  tag: z.string().max(50).optional(),
  contactId: z.string().max(100).optional(),
  companyId: z.string().max(100).optional(),
  q: listQueryBase.q.describe('subject or number (#1001)'),
};
export const ticketListQuery = z.object({ limit: listQueryBase.limit, cursor: listQueryBase.cursor, sort: listQueryBase.sort.describe('createdAt, updatedAt, number, priority, status (prefix - for descending; default -createdAt)'), ...ticketListFilters });
export type TicketListQuery = z.infer<typeof ticketListQuery>;
export const ticketCountQuery = z.object(ticketListFilters);
export type TicketFilters = z.infer<typeof ticketCountQuery>;
