// zod schemas of the call API: what a telephony system posts, and the call record Rapport answers with.
import { z } from 'zod';
import { callDirections, callStatuses } from './phone-tables.js';

const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => URL.canParse(v) && ['http:', 'https:'].includes(new URL(v).protocol), { message: 'an http:// or https:// URL' });

export const callInput = z.strictObject({
  /** The telephony system's id of the call; posting it again changes nothing. */
  callId: z.string().trim().min(1).max(200),
  direction: z.enum(callDirections),
  status: z.enum(callStatuses).default('answered'),
  from: z.string().trim().min(1).max(40),
  to: z.string().trim().min(1).max(40),
  startedAt: z.iso.datetime({ offset: true, message: 'an ISO 8601 date-time such as 2026-11-25T09:30:00Z' }),
  durationSeconds: z.number().int().min(0).max(86400).default(0),
  recordingUrl: httpUrl.nullable().optional(),
  transcript: z.string().max(100_000).nullable().optional(),
  /** The agent's Rapport login e-mail, when the telephony system knows who took or made the call. */
  agentEmail: z.string().trim().max(320).nullable().optional(),
});
export type CallInput = z.infer<typeof callInput>;

export const callSchema = z.object({
  id: z.string(),
  callId: z.string(),
  direction: z.enum(callDirections),
  status: z.enum(callStatuses),
  from: z.string(),
  to: z.string(),
  customerNumber: z.string(),
  contactId: z.string().nullable(),
  agentId: z.string().nullable(),
  startedAt: z.string(),
  durationSeconds: z.number(),
  recordingUrl: z.string().nullable(),
  transcript: z.string().nullable(),
  interactionId: z.string().nullable(),
  conversationId: z.string().nullable(),
  taskId: z.string().nullable(),
  createdAt: z.string(),
});
export type Call = z.infer<typeof callSchema>;
