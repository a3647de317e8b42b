// Tables of the service module: tickets and their timeline, conversations and their messages, channels, and the
// raw inbound store every channel writes to before anything is processed. Each part adds its own interfaces here.
export const ticketStatuses = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];
export const ticketPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof ticketPriorities)[number];
/** Where a ticket or conversation came from. */
export const serviceChannels = ['email', 'chat', 'phone', 'im', 'web', 'api'] as const;
export type ServiceChannel = (typeof serviceChannels)[number];

export interface TicketsTable {
  id: string;
  /** Human number shown as #1042; unique, assigned at creation. */
  number: number;
  subject: string;
  description: string | null;
  status: TicketStatus;
  priority: TicketPriority;
  category: string | null;
  channel: ServiceChannel;
  /** The customer's language when known ('en', 'zh-CN'), for routing and replies. */
  language: string | null;
  /** The requester. */
  contactId: string | null;
  companyId: string | null;
  /** The agent who owns it; with teamId it decides visibility (as ownerId/teamId do for contacts). */
  assigneeId: string | null;
  teamId: string | null;
  tags: string; // JSON array of strings
  customFields: string; // JSON object
  dealId: string | null;
  orderId: string | null;
  /** Set when this ticket was merged into another (then it is closed and hidden from lists). */
  mergedIntoId: string | null;
  /** JSON array of routing steps explaining who got it and why (null: not routed). */
  routing: string | null;
  firstRespondedAt: string | null;
  solvedAt: string | null;
  closedAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export const ticketEventKinds = ['created', 'note', 'status', 'assignment', 'priority', 'field', 'merge', 'sla', 'survey', 'conversation'] as const;
export type TicketEventKind = (typeof ticketEventKinds)[number];

/** The ticket's own timeline (messages live in `messages` of the conversations attached to it). */
export interface TicketEventsTable {
  id: string;
  ticketId: string;
  kind: TicketEventKind;
  /** The user who did it (null: the system, a rule or the customer). */
  actorId: string | null;
  /** Free text (an internal note's body). */
  body: string | null;
  /** JSON details: { from, to } for changes, { steps } for routing, … */
  data: string;
  createdAt: string;
}

export const conversationStatuses = ['open', 'pending', 'resolved'] as const;
export type ConversationStatus = (typeof conversationStatuses)[number];

/** One thread with a customer in one channel (an e-mail thread, a chat session, an IM chat). */
export interface ConversationsTable {
  id: string;
  channelKind: ServiceChannel;
  /** The configured channel it came through (null for ad-hoc e-mail sent from a record). */
  channelId: string | null;
  contactId: string | null;
  /** An anonymous widget visitor's id (set by the widget). */
  visitorId: string | null;
  subject: string | null;
  status: ConversationStatus;
  assigneeId: string | null;
  teamId: string | null;
  ticketId: string | null;
  /** The thread's key in its channel (root Message-ID, IM chat id, widget session), to find it again. */
  externalThreadId: string | null;
  language: string | null;
  lastMessageAt: string;
  lastMessagePreview: string | null;
  /** Messages from the customer not yet read by an agent. */
  unreadCount: number;
  createdAt: string;
  updatedAt: string;
}

export const messageAuthorKinds = ['contact', 'agent', 'bot', 'system'] as const;
export type MessageAuthorKind = (typeof messageAuthorKinds)[number];
export const messageStatuses = ['received', 'queued', 'sent', 'failed'] as const;
export type MessageStatus = (typeof messageStatuses)[number];

export interface MessagesTable {
  id: string;
  conversationId: string;
  direction: 'in' | 'out';
  authorKind: MessageAuthorKind;
  /** The agent who wrote it (authorKind agent) or the contact (authorKind contact) when known. */
  authorId: string | null;
  bodyText: string;
  /** The HTML as received or sent; never rendered unsanitised. */
  bodyHtml: string | null;
  /** The channel's id of this message (Message-ID, IM message id): unique per conversation, so a redelivery is a no-op. */
  externalId: string | null;
  /** JSON: { inReplyTo, references, cc, to, from, … } as the channel needs. */
  headers: string;
  /** JSON array of { id, name, contentType, size, path } (files under the data dir). */
  attachments: string;
  status: MessageStatus;
  /** An internal note between agents: never sent to the customer. */
  private: number;
  createdAt: string;
}

export const channelKinds = ['email', 'widget', 'telegram', 'generic', 'phone'] as const;
export type ChannelKind = (typeof channelKinds)[number];

/** A configured inbound/outbound channel (a mailbox, the chat widget, an IM connector). */
export interface ServiceChannelsTable {
  id: string;
  kind: ChannelKind;
  name: string;
  /** JSON settings of the kind (IMAP host, widget colours, bot token…); secrets in it are encrypted by the owner. */
  config: string;
  /** Signing secret for inbound webhooks / identity tokens (encrypted). */
  secret: string | null;
  /** New conversations go to this team unless routing says otherwise. */
  teamId: string | null;
  enabled: number;
  createdAt: string;
  updatedAt: string;
}

/** Everything a channel receives, stored as received before it is parsed: nothing accepted is lost. */
export interface InboundRawTable {
  id: string;
  channelId: string | null;
  /** 'email', 'widget', 'telegram', 'generic', 'call'… */
  source: string;
  payload: string;
  receivedAt: string;
  /** 'pending' → 'done' | 'rejected' (with error) | 'failed' (retried). */
  state: string;
  attempts: number;
  error: string | null;
  processedAt: string | null;
}

export interface ServiceTables {
  tickets: TicketsTable;
  ticket_events: TicketEventsTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  service_channels: ServiceChannelsTable;
  inbound_raw: InboundRawTable;
}

// SLA (calendars, policies, ticket timers) and routing (rules, agent status).
import type { SlaTables } from './sla/sla-tables.js';
import type { RoutingTables } from './routing/routing-tables.js';
export interface ServiceTables extends SlaTables, RoutingTables {}

// Phone calls, IM channel deliveries, satisfaction surveys.
import type { PhoneTables } from './phone/phone-tables.js';
import type { ImTables } from './im/im-tables.js';
import type { SurveyTables } from './surveys/survey-tables.js';
export interface ServiceTables extends PhoneTables, ImTables, SurveyTables {}

// The tickets part: number counter, macros, viewers, merges.
import type { TicketPartTables } from './tickets/ticket-tables.js';
export interface ServiceTables extends TicketPartTables {}

// E-mail: composer templates and the files attached to mail.
import type { EmailTables } from './email/email-tables.js';
export interface ServiceTables extends EmailTables {}

// The inbox and chat widget: widget visitors.
import type { InboxTables } from './inbox/inbox-tables.js';
export interface ServiceTables extends InboxTables {}
