// The ticket timeline rows of SLA (kind 'sla'): started, warning, breach, met, paused, resumed, escalated.
import type { DbOrTrx } from '../../../core/db/database.js';
import { newId, nowIso } from '../../../core/ids.js';

export async function addSlaEvent(trx: DbOrTrx, ticketId: string, data: Record<string, unknown>): Promise<void> {
  await trx.insertInto('ticket_events').values({ id: newId(), ticketId, kind: 'sla', actorId: null, body: null, data: JSON.stringify(data), createdAt: nowIso() }).execute();
}
