// Erasure on request: deletes a contact and everything other modules hold about it, scrubs it from the audit log,
// the outbox and the webhook log, all in one transaction; the audit entry of the erasure keeps no erased data.
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { notFound } from '../../../core/errors.js';
import { contactDataParticipants, eraseContactRecord, findContactRow } from '../../customers/index.js';
import { collectPersonalData, recordIds } from './personal-data.js';
import { scrubAuditChain } from './rewrite-audit-chain.js';
import { scrubEvents } from './scrub-events.js';

export interface ErasureResult {
  contactId: string;
  contactDeleted: boolean;
  relatedRecordsErased: Record<string, number>;
  auditEntriesScrubbed: number;
  eventsScrubbed: number;
  chainRewrittenFromSeq: number | null;
}

/** Works for a live contact and for one already deleted whose data lingers in the audit log and the outbox. */
export async function eraseContact(db: Db, actor: Actor, contactId: string): Promise<ErasureResult> {
  // SQLite: zero the freed bytes instead of leaving them in free pages, and checkpoint the WAL afterwards,
  // so the erased values do not linger in the file.
  db.sqlite?.pragma('secure_delete = ON');
  try {
    const result = await eraseInTransaction(db, actor, contactId);
    db.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
    return result;
  } finally {
    db.sqlite?.pragma('secure_delete = OFF');
  }
}

async function eraseInTransaction(db: Db, actor: Actor, contactId: string): Promise<ErasureResult> {
  return db.kysely.transaction().execute(async (trx) => {
    const row = await findContactRow(trx, contactId);
    const history = await trx.selectFrom('auditLog').select(['before', 'after']).where('entity', '=', 'contact').where('entityId', '=', contactId).execute();
    if (!row && history.length === 0) throw notFound('Contact');
    const snapshots: unknown[] = row ? [{ ...row, emails: JSON.parse(row.emails), phones: JSON.parse(row.phones) }] : [];
    for (const h of history) for (const s of [h.before, h.after]) if (s) snapshots.push(JSON.parse(s));
    const pd = collectPersonalData(contactId, snapshots);

    const fullIds = [contactId];
    const relatedRecordsErased: Record<string, number> = {};
    for (const p of contactDataParticipants()) {
      fullIds.push(...recordIds(await p.exportFor(trx, contactId)));
      relatedRecordsErased[p.key] = await p.erase(trx, contactId);
    }
    const contactDeleted = await eraseContactRecord(trx, contactId);
    const eventsScrubbed = await scrubEvents(trx, db.engine, fullIds, pd);
    const chain = await scrubAuditChain(trx, db.engine, fullIds, pd);
    // Who, when (the entry's own time) and which contact id: counts and chain facts only, never the erased values.
    await writeAudit(trx, db.engine, {
      actorId: actor.id,
      action: 'erase',
      entity: 'contact',
      entityId: contactId,
      after: { erased: true, contactDeleted, relatedRecordsErased, auditEntriesScrubbed: chain.scrubbed, eventsScrubbed, chainRewrittenFromSeq: chain.fromSeq, previousChainHead: chain.previousHead },
    });
    await emitEvent(trx, 'contact.erased', 'contact', contactId, { id: contactId });
    return { contactId, contactDeleted, relatedRecordsErased, auditEntriesScrubbed: chain.scrubbed, eventsScrubbed, chainRewrittenFromSeq: chain.fromSeq };
  });
}
