// Raises an alert once: the unique open key keeps one open alert per rule and record, the unique source key keeps a
// trigger (a message, a stage entry, a due time, a score event) from raising twice; the owner gets a notification.
import type { DbOrTrx } from '../../../core/db/database.js';
import { newId, nowIso } from '../../../core/ids.js';
import { createNotification } from '../../../core/notifications/notifications.js';
import type { AlertAction, AlertRule, AlertsTable } from './alert-tables.js';

export interface NewAlert {
  rule: AlertRule;
  entity: AlertsTable['entity'];
  entityId: string;
  contactId: string | null;
  ownerId: string | null;
  teamId: string | null;
  title: string;
  facts: Record<string, unknown>;
  action: AlertAction;
  productId?: string | null;
  sourceKey: string;
}

/** Returns the new alert's id, or null when one is already open for the record or this trigger was seen. */
export async function raiseAlert(db: DbOrTrx, a: NewAlert): Promise<string | null> {
  const id = newId();
  const now = nowIso();
  const res = await db
    .insertInto('alerts')
    .values({ id, rule: a.rule, entity: a.entity, entityId: a.entityId, contactId: a.contactId, ownerId: a.ownerId, teamId: a.teamId, title: a.title, facts: JSON.stringify(a.facts), action: a.action, productId: a.productId ?? null, status: 'open', openKey: `${a.rule}:${a.entityId}`, sourceKey: a.sourceKey, snoozedUntil: null, decidedBy: null, decidedAt: null, taskId: null, createdAt: now, updatedAt: now })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (!Number(res.numInsertedOrUpdatedRows ?? 0)) return null;
  if (a.ownerId) await createNotification(db, { userId: a.ownerId, kind: 'alert.new', title: a.title, entity: a.entity, entityId: a.entityId, params: { alertId: id, rule: a.rule, action: a.action, ...a.facts } });
  return id;
}
