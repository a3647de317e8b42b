// Records a behaviour of a lead that arrives from outside (email opened, page visited, form submitted) until the
// marketing module tracks these itself; meetings and calls come from the timeline through the outbox.
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { newId, nowIso } from '../../../core/ids.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { emitEvent } from '../../../core/events/outbox.js';
import type { ActivityInput } from './lead-schemas.js';
import { getLead } from './lead-repository.js';

export async function recordActivity(db: Db, actor: Actor, contactId: string, input: ActivityInput) {
  await getLead(db, actor, contactId); // 404 unless a lead the actor sees
  const now = nowIso();
  const row = { id: newId(), contactId, kind: input.kind, occurredAt: input.occurredAt ? new Date(input.occurredAt).toISOString() : now, sourceEventId: null, detail: JSON.stringify(input.detail ?? {}), createdAt: now };
  await db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('leadActivity').values(row).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'create', entity: 'lead_activity', entityId: row.id, after: { ...row, detail: input.detail ?? {} } });
    await emitEvent(trx, 'lead.activity_recorded', 'contact', contactId, { contactId, kind: row.kind, occurredAt: row.occurredAt });
  });
  return { id: row.id, kind: row.kind, occurredAt: row.occurredAt, detail: input.detail ?? {} };
}
