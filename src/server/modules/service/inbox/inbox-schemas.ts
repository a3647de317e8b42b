// zod schemas of the inbox API: conversation summaries, messages, the list's filters and the agent's actions.
import { z } from 'zod';
import { conversationStatuses, serviceChannels } from '../tables.js';

export const conversationSchema = z.object({
  id: z.string(),
  channelKind: z.enum(serviceChannels),
  channelId: z.string().nullable(),
  status: z.enum(conversationStatuses),
  subject: z.string().nullable(),
  contactId: z.string().nullable(),
  /** Null when there is no contact or the caller may not see it. */
  contactName: z.string().nullable(),
  /** What the chat widget's pre-chat form or the site's identity said. */
  visitorName: z.string().nullable(),
  visitorEmail: z.string().nullable(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  teamId: z.string().nullable(),
  ticketId: z.string().nullable(),
  language: z.string().nullable(),
  lastMessageAt: z.string(),
  lastMessagePreview: z.string().nullable(),
  unreadCount: z.number().int(),
  createdAt: z.string(),
});
export type Conversation = z.infer<typeof conversationSchema>;

export const messageSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  direction: z.enum(['in', 'out']),
  authorKind: z.enum(['contact', 'agent', 'bot', 'system']),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  bodyText: z.string(),
  /** The message has an HTML part (e-mail): GET /email/messages/:id/html shows it sanitised. */
  hasHtml: z.boolean(),
  status: z.enum(['received', 'queued', 'sent', 'failed']),
  private: z.boolean(),
  createdAt: z.string(),
});
export type InboxMessage = z.infer<typeof messageSchema>;

export const inboxFilters = ['all', 'mine', 'unassigned', 'team'] as const;

export const conversationListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  /** mine: assigned to me; unassigned; team: my team's; all: everything I may see. */
  view: z.enum(inboxFilters).default('all'),
  status: z.enum([...conversationStatuses, 'any']).default('open'),
  channel: z.enum(serviceChannels).optional(),
});
export type ConversationListQuery = z.infer<typeof conversationListQuery>;

export const messageListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(100),
  /** Older messages than this cursor (the list is read newest first, shown oldest first). */
  cursor: z.string().max(500).optional(),
});

export const replyInput = z.strictObject({
  bodyText: z.string().trim().min(1, 'Write a reply first').max(20_000),
  /** An internal note for colleagues: never sent to the customer. */
  private: z.boolean().default(false),
});

export const assignInput = z.strictObject({
  assigneeId: z.string().max(100).nullable().optional(),
  teamId: z.string().max(100).nullable().optional(),
});

export const statusInput = z.strictObject({ status: z.enum(conversationStatuses) });

export const attachTicketInput = z.strictObject({ ticketId: z.string().min(1).max(100) });

export const toTicketInput = z.strictObject({
  subject: z.string().trim().min(1).max(300).optional(),
  priority: z.enum(['low', 'normal', 'high', 'urgent']).default('normal'),
});

export const unreadSchema = z.object({ mine: z.number(), unassigned: z.number(), team: z.number(), all: z.number() });
