// An agent corrects a label: the result becomes the agent's (never overwritten by the model) and the text with its
// new label is kept in sentiment_corrections, which `rapport intelligence train-sentiment` learns from.
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { notFound } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { SentimentItemKind } from '../tables.js';
import type { Emotion, Sentiment } from './analyse-sentiment.js';
import { visibleItems } from './sentiment-items.js';
import { analyseAndStore, readStored, type StoredSentiment } from './sentiment-store.js';

export async function correctSentiment(db: Db, actor: Actor, kind: SentimentItemKind, id: string, label: { sentiment: Sentiment; emotion: Emotion }): Promise<StoredSentiment> {
  const [item] = await visibleItems(db.kysely, actor, kind, [id]);
  if (!item) throw notFound('Item');
  const now = nowIso();
  return db.kysely.transaction().execute(async (trx) => {
    const before = (await readStored(trx, kind, [id]))[0] ?? (await analyseAndStore(trx, kind, item));
    if (!before) throw notFound('Item'); // an item without text has no sentiment to correct
    await trx
      .updateTable('sentiment_results')
      .set({ sentiment: label.sentiment, emotion: label.emotion, source: 'agent', correctedBy: actor.id, confidence: 1, analysedAt: now })
      .where('itemKind', '=', kind)
      .where('itemId', '=', id)
      .execute();
    await trx
      .insertInto('sentiment_corrections')
      .values({ id: newId(), itemKind: kind, itemId: id, text: item.text, sentiment: label.sentiment, emotion: label.emotion, previousSentiment: before.sentiment, previousEmotion: before.emotion, userId: actor.id, createdAt: now })
      .execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'sentiment', entityId: `${kind}:${id}`, before: { sentiment: before.sentiment, emotion: before.emotion }, after: label });
    return { ...before, sentiment: label.sentiment, emotion: label.emotion, source: 'agent' as const, confidence: 1, analysedAt: now };
  });
}
