// Tables of the phone channel: one row per call record a telephony system posted (idempotent by its call id).
export const callDirections = ['inbound', 'outbound'] as const;
export const callStatuses = ['answered', 'missed', 'voicemail', 'busy', 'failed'] as const;
export type CallStatus = (typeof callStatuses)[number];

export interface CallsTable {
  id: string;
  /** The telephony system's own id of the call: a second post with it changes nothing. */
  externalId: string;
  direction: (typeof callDirections)[number];
  status: CallStatus;
  /** Numbers as E.164 when they parse in the organisation's region, else as received. */
  fromNumber: string;
  toNumber: string;
  /** The customer's side of the call (from for inbound, to for outbound), the key to match a contact. */
  customerNumber: string;
  contactId: string | null;
  /** The agent on Rapport's side when the telephony system named one (by e-mail). */
  agentId: string | null;
  startedAt: string;
  durationSeconds: number;
  /** Stored as given (http/https only); Rapport never fetches it. */
  recordingUrl: string | null;
  transcript: string | null;
  interactionId: string | null;
  conversationId: string | null;
  messageId: string | null;
  /** The follow-up task of a missed call from a known customer. */
  taskId: string | null;
  inboundRawId: string | null;
  createdAt: string;
}

export interface PhoneTables {
  calls: CallsTable;
}
