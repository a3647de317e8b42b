// Analyse on store: every inbound message (through the service module's message hook) and, from the outbox, every
// note, call or e-mail logged on the timeline and every survey comment.
import type { Db } from '../../../core/db/database.js';
import { consumeEvents } from '../../../core/events/consume-events.js';
import { registerPoller } from '../../../core/jobs/worker.js';
import { onMessageStored } from '../../service/index.js';
import { analyseAndStore } from './sentiment-store.js';
import { itemForSystem } from './sentiment-items.js';

onMessageStored('intelligence.sentiment', async (db, { message, conversation }) => {
  if (message.direction !== 'in') return;
  await analyseAndStore(db.kysely, 'message', { id: message.id, text: message.bodyText, contactId: conversation.contactId, occurredAt: message.createdAt });
});

const analysedTypes = new Set(['note', 'call', 'email', 'meeting']);

export async function analyseNewItems(db: Db): Promise<number> {
  return consumeEvents(db, 'intelligence.sentiment', async (events, trx) => {
    for (const e of events) {
      if (e.type === 'interaction.created' || e.type === 'interaction.updated') {
        const p = e.payload as { type?: string };
        if (!analysedTypes.has(p.type ?? '')) continue;
        const item = await itemForSystem(trx, 'interaction', e.entityId);
        if (item) await analyseAndStore(trx, 'interaction', item);
      } else if (e.type === 'survey.answered') {
        const surveyId = (e.payload as { surveyId?: string }).surveyId;
        const item = surveyId ? await itemForSystem(trx, 'survey', surveyId) : undefined;
        if (item) await analyseAndStore(trx, 'survey', item);
      }
    }
  });
}

registerPoller({ name: 'intelligence.sentiment', run: analyseNewItems, idleMs: 2000 });
