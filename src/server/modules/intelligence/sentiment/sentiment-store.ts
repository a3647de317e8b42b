// Keeps sentiment results: analyses an item's text and stores the outcome (an agent's correction is never overwritten).
import type { DbOrTrx } from '../../../core/db/database.js';
import { nowIso } from '../../../core/ids.js';
import type { SentimentItemKind, SentimentResultsTable } from '../tables.js';
import { analyseSentiment, type SentimentResult } from './analyse-sentiment.js';
import type { SentimentItem } from './sentiment-items.js';

export interface StoredSentiment extends SentimentResult {
  kind: SentimentItemKind;
  itemId: string;
  source: 'model' | 'agent';
  analysedAt: string;
}

export function toStored(r: SentimentResultsTable): StoredSentiment {
  return {
    kind: r.itemKind,
    itemId: r.itemId,
    sentiment: r.sentiment,
    score: Number(r.score),
    emotion: r.emotion as StoredSentiment['emotion'],
    confidence: Number(r.confidence),
    cues: JSON.parse(r.cues) as string[],
    language: r.language as StoredSentiment['language'],
    source: r.source,
    analysedAt: r.analysedAt,
  };
}

/** Analyses the item's text and stores the result; null (and nothing stored) for an empty text. */
export async function analyseAndStore(db: DbOrTrx, kind: SentimentItemKind, item: SentimentItem): Promise<StoredSentiment | null> {
  const text = item.text.trim();
  if (!text) return null;
  const r = analyseSentiment(text.slice(0, 20_000));
  const row: SentimentResultsTable = {
    itemKind: kind,
    itemId: item.id,
    contactId: item.contactId,
    sentiment: r.sentiment,
    score: r.score,
    emotion: r.emotion,
    confidence: r.confidence,
    cues: JSON.stringify(r.cues),
    language: r.language,
    source: 'model',
    correctedBy: null,
    occurredAt: item.occurredAt,
    analysedAt: nowIso(),
  };
  const { itemKind, itemId, ...update } = row;
  await db
    .insertInto('sentiment_results')
    .values(row)
    .onConflict((oc) => oc.columns(['itemKind', 'itemId']).doUpdateSet(update).where('sentiment_results.source', '=', 'model'))
    .execute();
  return toStored(row);
}

export async function readStored(db: DbOrTrx, kind: SentimentItemKind, ids: string[]): Promise<StoredSentiment[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('sentiment_results').selectAll().where('itemKind', '=', kind).where('itemId', 'in', ids).execute();
  return rows.map(toStored);
}
