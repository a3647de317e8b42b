// Service: tickets, SLA, routing, the omnichannel inbox and its channels, surveys. Each part registers itself here.
import './conversations/inbound-store.js';
import './inbox/inbox-live.js';
import './widget/widget-bot.js';

export { serviceMigrations } from './migrations.js';
export { serviceRoutes } from './service-routes.js';
export { appendMessage, type ConversationTarget, type NewMessage, type AppendResult } from './conversations/append-message.js';
export { onMessageStored, type StoredMessage } from './conversations/message-hooks.js';
export { storeInbound, processInbound, registerInboundProcessor, InboundRejected } from './conversations/inbound-store.js';
import './phone/call-processor.js';
export { recordCall, type CallRecord } from './phone/record-call.js';
import './sla/sla-consumer.js';
import './sla/sla-timers.js';
import './routing/route-waiting-tickets.js';
export { addBusinessMinutes, businessMinutesBetween, type BusinessCalendarSpec } from './sla/business-time.js';
export { registerRoutingSignal, type RoutingSignal, type RoutingSignalResult } from './routing/routing-signals.js';
import './im/im-processors.js';
import './surveys/survey-senders.js';
export { createTicket, type CreateTicketOptions } from './tickets/create-ticket.js';
export { updateTicket, changeTicketStatus } from './tickets/update-ticket.js';
export { getTicketForActor } from './tickets/ticket-repository.js';
export { addTicketEvent } from './tickets/ticket-change-log.js';
export type { Ticket, TicketInput, TicketPatch } from './tickets/ticket-schemas.js';
export { sanitizeEmailHtml } from './email/sanitize-email-html.js';
export { sendEmail, type SendEmailInput } from './email/send-email.js';
export { onInboundBounce, onInboundComplaint } from './email/process-inbound-email.js';
export type { FeedbackReport } from './email/feedback-report.js';
export { localToInstant } from './sla/business-time.js';
export { widgetRoutes as serviceRootRoutes } from './widget/widget-routes.js';
export { publishConversation } from './inbox/inbox-live.js';
export { openTicketRowsSql } from './tickets/ticket-segment-sql.js';
// Read-only service facts for the intelligence module (profitability's service cost, VIP SLA alerts).
export { vipTicketsNearSlaBreach, ticketCountsByContact, ticketCountsByOrder, type NearBreach } from './sla/sla-near-breach.js';
