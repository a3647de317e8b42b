// Tables of the IM channels: outbound deliveries of agent replies to a connector (generic webhook or Telegram).
export const deliveryStatuses = ['pending', 'sent', 'failed'] as const;

export interface ChannelDeliveriesTable {
  id: string;
  /** The outbound message (unique: one delivery per message). */
  messageId: string;
  channelId: string;
  status: (typeof deliveryStatuses)[number];
  attempts: number;
  nextAttemptAt: string;
  lockedUntil: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface ImTables {
  channel_deliveries: ChannelDeliveriesTable;
}
