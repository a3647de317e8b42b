// Tables of the data module: webhook subscriptions and their delivery log.
import type { ImportTables } from './import/import-tables.js';
import type { DedupTables } from './dedup/dedup-tables.js';
import type { HouseholdTables } from './households/household-tables.js';
export interface WebhooksTable {
  id: string;
  url: string;
  events: string; // JSON array of event types, or ["*"]
  secret: string;
  active: number;
  /** 1: also hear the per-record events of bulk operations, for the event types named explicitly (never via "*"). */
  includeBulk: number;
  createdBy: string | null;
  createdAt: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  body: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string;
  lockedUntil: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

export interface DataTables extends ImportTables, DedupTables, HouseholdTables {
  webhooks: WebhooksTable;
  webhookDeliveries: WebhookDeliveriesTable;
}
