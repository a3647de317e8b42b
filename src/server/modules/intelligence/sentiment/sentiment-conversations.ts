// The inbox list's badge: each conversation's latest customer message (inbound, not a note) with its sentiment, so an
// angry customer is flagged before the conversation is opened. Visibility as for the messages' own badges.
import type { DbOrTrx } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { visibleItems } from './sentiment-items.js';
import { analyseAndStore, readStored, type StoredSentiment } from './sentiment-store.js';

export async function latestCustomerSentiments(db: DbOrTrx, actor: Actor, conversationIds: string[]): Promise<(StoredSentiment & { conversationId: string })[]> {
  if (!conversationIds.length) return [];
  // One index probe per conversation on messages_conversation (conversation_id, created_at, id).
  const latest = await db
    .selectFrom('messages as m')
    .select(['m.id', 'm.conversationId'])
    .where('m.conversationId', 'in', conversationIds)
    .where('m.direction', '=', 'in')
    .where('m.private', '=', 0)
    .where('m.id', '=', (eb) => eb.selectFrom('messages as l').select('l.id').whereRef('l.conversationId', '=', 'm.conversationId').where('l.direction', '=', 'in').where('l.private', '=', 0).orderBy('l.createdAt', 'desc').orderBy('l.id', 'desc').limit(1))
    .execute();
  const conversationOf = new Map(latest.map((r) => [r.id, r.conversationId]));
  const items = await visibleItems(db, actor, 'message', latest.map((r) => r.id));
  const stored = new Map((await readStored(db, 'message', items.map((i) => i.id))).map((s) => [s.itemId, s]));
  const out: (StoredSentiment & { conversationId: string })[] = [];
  for (const item of items) {
    const s = stored.get(item.id) ?? (await analyseAndStore(db, 'message', item));
    if (s) out.push({ ...s, conversationId: conversationOf.get(item.id)! });
  }
  return out;
}
