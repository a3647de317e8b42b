// zod schemas of the SLA API: business calendars, SLA policies and a ticket's timers.
import { z } from 'zod';
import { ticketPriorities } from '../tables.js';

export const customerTiers = ['vip', 'standard'] as const;
export type CustomerTier = (typeof customerTiers)[number];

const hm = z.string().regex(/^\d{2}:\d{2}$/, 'use HH:MM');
const interval = z.strictObject({ start: hm, end: hm });
export const calendarInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  timeZone: z.string().min(1).max(64),
  week: z.array(z.array(interval).max(6)).length(7),
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date YYYY-MM-DD')).max(400).default([]),
  isDefault: z.boolean().optional(),
});
export type CalendarInput = z.infer<typeof calendarInput>;
export const calendarPatch = calendarInput.partial();

export const calendarSchema = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  week: z.array(z.array(z.object({ start: z.string(), end: z.string() }))),
  holidays: z.array(z.string()),
  isDefault: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Calendar = z.infer<typeof calendarSchema>;

const minutes = z.number().int().min(1).max(525_600).nullable();
export const policyInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  priorities: z.array(z.enum(ticketPriorities)).max(4).default([]),
  tiers: z.array(z.enum(customerTiers)).max(2).default([]),
  calendarId: z.string().max(100).nullable().default(null),
  firstResponseMinutes: minutes.default(null),
  resolutionMinutes: minutes.default(null),
  warnBeforeMinutes: z.number().int().min(0).max(10_000).default(0),
  pauseWhenPending: z.boolean().default(true),
  queueTeamId: z.string().max(100).nullable().default(null),
  reassignOnBreach: z.boolean().default(false),
  escalationTeamId: z.string().max(100).nullable().default(null),
  position: z.number().int().min(0).max(100_000).optional(),
  active: z.boolean().default(true),
});
export type PolicyInput = z.infer<typeof policyInput>;
/** The input's fields without their defaults: a patch that leaves a field out keeps the stored value. */
export function withoutDefaults<S extends z.ZodRawShape>(shape: S): S {
  return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v instanceof z.ZodDefault ? v.unwrap() : v])) as S;
}
export const policyPatch = z.strictObject(withoutDefaults(policyInput.shape)).partial();
export type PolicyPatch = z.infer<typeof policyPatch>;

export const policySchema = z.object({
  id: z.string(),
  name: z.string(),
  position: z.number(),
  priorities: z.array(z.enum(ticketPriorities)),
  tiers: z.array(z.enum(customerTiers)),
  calendarId: z.string().nullable(),
  firstResponseMinutes: z.number().nullable(),
  resolutionMinutes: z.number().nullable(),
  warnBeforeMinutes: z.number(),
  pauseWhenPending: z.boolean(),
  queueTeamId: z.string().nullable(),
  reassignOnBreach: z.boolean(),
  escalationTeamId: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Policy = z.infer<typeof policySchema>;

export const targetStates = ['running', 'paused', 'met', 'breached', 'met_late'] as const;
export const slaTargetSchema = z.object({
  kind: z.enum(['firstResponse', 'resolution']),
  minutes: z.number(),
  dueAt: z.string().nullable(),
  warnedAt: z.string().nullable(),
  breachedAt: z.string().nullable(),
  metAt: z.string().nullable(),
  state: z.enum(targetStates),
  /** Business minutes left until due (negative once overdue); null once met. */
  remainingMinutes: z.number().nullable(),
});
export type SlaTarget = z.infer<typeof slaTargetSchema>;

export const ticketSlaSchema = z.object({
  ticketId: z.string(),
  policy: z.object({ id: z.string(), name: z.string() }).nullable(),
  tier: z.enum(customerTiers).nullable(),
  paused: z.boolean(),
  /** True when the calendar is in working hours now: the timers count down only then. */
  working: z.boolean(),
  now: z.string(),
  targets: z.array(slaTargetSchema),
});
export type TicketSla = z.infer<typeof ticketSlaSchema>;
