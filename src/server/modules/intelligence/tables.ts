// Tables of the intelligence module: each analysed item's sentiment and the agents' corrections (kept as training data).
export const sentimentItemKinds = ['message', 'interaction', 'ticket_event', 'survey'] as const;
export type SentimentItemKind = (typeof sentimentItemKinds)[number];

export interface SentimentResultsTable {
  itemKind: SentimentItemKind;
  itemId: string;
  /** The customer it is about, for the trend in the 360° view (null when not known). */
  contactId: string | null;
  sentiment: 'positive' | 'neutral' | 'negative';
  score: number;
  emotion: string;
  confidence: number;
  /** JSON array of the words that drove it. */
  cues: string;
  language: string;
  /** 'model', or 'agent' once someone corrected it. */
  source: 'model' | 'agent';
  correctedBy: string | null;
  /** When the item itself happened (a message's time), for the trend. */
  occurredAt: string;
  analysedAt: string;
}

export interface SentimentCorrectionsTable {
  id: string;
  itemKind: SentimentItemKind;
  itemId: string;
  /** The text as it was when corrected: training data that outlives the item. */
  text: string;
  sentiment: 'positive' | 'neutral' | 'negative';
  emotion: string;
  previousSentiment: string | null;
  previousEmotion: string | null;
  userId: string;
  createdAt: string;
}

/** Co-purchase of two products over customers (recomputed nightly). */
export interface ProductAssociationsTable {
  productId: string;
  otherId: string;
  /** Customers who bought both. */
  together: number;
  buyers: number;
  support: number;
  confidence: number;
  lift: number;
  computedAt: string;
}

/** Each buying contact's RFM scores and segment (recomputed nightly). */
export interface RfmScoresTable {
  contactId: string;
  lastOrderAt: string;
  recencyDays: number;
  orders: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
  segment: string;
  computedAt: string;
}

import type { ModelTables } from './models/model-tables.js';
import type { ValueTables } from './value/value-tables.js';
import type { AlertTables } from './alerts/alert-tables.js';

export interface IntelligenceTables extends ModelTables, ValueTables, AlertTables {
  sentiment_results: SentimentResultsTable;
  sentiment_corrections: SentimentCorrectionsTable;
  product_associations: ProductAssociationsTable;
  rfm_scores: RfmScoresTable;
}
