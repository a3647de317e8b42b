// zod schemas of timeline entries: notes, calls, meetings, logged emails and tasks.
import { z } from 'zod';
import { timeZoneSchema } from '../../core/today/day-window.js';
import { interactionTypes } from './tables.js';

const iso = z.iso.datetime({ offset: true, message: 'an ISO 8601 date-time such as 2026-11-25T09:30:00Z' });
const text = (max: number) => z.string().trim().max(max);

export const interactionInput = z.strictObject({
  type: z.enum(interactionTypes),
  contactId: z.string().max(100).nullable().optional(),
  companyId: z.string().max(100).nullable().optional(),
  subject: text(300).nullable().optional(),
  body: text(20000).nullable().optional(),
  occurredAt: iso.optional(),
  direction: z.enum(['inbound', 'outbound']).nullable().optional(),
  durationSeconds: z.number().int().min(0).max(86400).nullable().optional(),
  outcome: text(100).nullable().optional(),
  startsAt: iso.nullable().optional(),
  endsAt: iso.nullable().optional(),
  attendees: z.array(text(200).min(1)).max(100).optional(),
  dueAt: iso.nullable().optional(),
  assigneeId: z.string().max(100).nullable().optional(),
  done: z.boolean().optional(),
  /** Tasks: when to remind the assignee (in-app, and by e-mail when outbound mail is set up). */
  reminderAt: iso.nullable().optional(),
});
export type InteractionInput = z.infer<typeof interactionInput>;
export const interactionPatch = interactionInput.omit({ type: true, contactId: true, companyId: true }).partial();
export type InteractionPatch = z.infer<typeof interactionPatch>;

export const interactionSchema = z.object({
  id: z.string(),
  type: z.enum(interactionTypes),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  subject: z.string().nullable(),
  body: z.string().nullable(),
  occurredAt: z.string(),
  direction: z.string().nullable(),
  durationSeconds: z.number().nullable(),
  outcome: z.string().nullable(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  attendees: z.array(z.string()),
  dueAt: z.string().nullable(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  done: z.boolean(),
  reminderAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
  dealId: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type Interaction = z.infer<typeof interactionSchema>;

export const interactionListQuery = z.object({
  contactId: z.string().max(100).optional(),
  companyId: z.string().max(100).optional(),
  type: z.enum(interactionTypes).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});
export const taskGroups = ['overdue', 'today', 'upcoming', 'done'] as const;
export const taskListQuery = z.object({
  assignee: z.string().max(100).default('me'),
  done: z.enum(['true', 'false']).optional(),
  /** One group of the Tasks page: open and due before today, today, later (or undated); or done. */
  group: z.enum(taskGroups).optional(),
  /** The user's time zone for where "today" starts and ends (IANA; default UTC). */
  tz: timeZoneSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});
