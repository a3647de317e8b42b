// Keeps lead scores current from the outbox: a change to a lead's contact, company or behaviour recomputes that lead only.
import type { Db } from '../../../core/db/database.js';
import { consumeEvents, type DomainEvent } from '../../../core/events/consume-events.js';
import { recomputeScores } from './recompute-score.js';

const contactEvents = new Set(['contact.created', 'contact.updated', 'contact.deleted', 'lead.created', 'lead.activity_recorded', 'lead.converted', 'lead.updated']);

export async function consumeScoringEvents(db: Db): Promise<number> {
  return consumeEvents(db, 'sales.lead-scoring', async (events: DomainEvent[], trx) => {
    const ids = new Set<string>();
    const companies = new Set<string>();
    for (const e of events) {
      // An import's per-record events (written only for opted-in webhooks) are not ours: leads.open-imported scores its leads.
      if (e.bulk?.startsWith('import:')) continue;
      if (contactEvents.has(e.type)) ids.add((e.payload as { contactId?: string }).contactId ?? e.entityId);
      else if (e.type === 'company.updated') companies.add(e.entityId);
    }
    if (companies.size) {
      const rows = await trx.selectFrom('leadDetails as ld').innerJoin('contacts as c', 'c.id', 'ld.contactId').select('ld.contactId').where('c.companyId', 'in', [...companies]).execute();
      for (const r of rows) ids.add(r.contactId);
    }
    await recomputeScores(trx, [...ids]);
  });
}
