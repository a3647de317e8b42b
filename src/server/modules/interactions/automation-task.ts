// A task or note created by automation (a journey step, a processed web form) inside the caller's transaction, so it
// commits together with the record that the work was done: audited and announced as interaction.created like one a
// user logs.
import type { DbOrTrx, Engine } from '../../core/db/database.js';
import { newId, nowIso } from '../../core/ids.js';
import { writeAudit } from '../../core/audit/audit-log.js';
import { emitEvent } from '../../core/events/outbox.js';

export interface AutomationTask {
  contactId: string;
  subject: string;
  body: string | null;
  dueAt: string | null;
  /** An active user; null leaves the task unassigned. */
  assigneeId: string | null;
  /** Who the audit names ('system' for a journey). */
  actorId: string;
}

export interface AutomationNote {
  contactId: string;
  subject: string;
  body: string;
  occurredAt: string;
  actorId: string;
}

export function createTaskIn(trx: DbOrTrx, engine: Engine, task: AutomationTask): Promise<string> {
  return createIn(trx, engine, { ...task, type: 'task', occurredAt: null });
}

export function createNoteIn(trx: DbOrTrx, engine: Engine, note: AutomationNote): Promise<string> {
  return createIn(trx, engine, { ...note, type: 'note', dueAt: null, assigneeId: null });
}

async function createIn(trx: DbOrTrx, engine: Engine, task: Omit<AutomationTask, 'body'> & { type: 'task' | 'note'; body: string | null; occurredAt: string | null }): Promise<string> {
  const contact = await trx.selectFrom('contacts').select(['companyId', 'teamId']).where('id', '=', task.contactId).executeTakeFirst();
  const assignee = task.assigneeId ? await trx.selectFrom('users').select(['id', 'teamId']).where('id', '=', task.assigneeId).where('active', '=', 1).executeTakeFirst() : undefined;
  const now = nowIso();
  const id = newId();
  const row = {
    id,
    type: task.type,
    contactId: task.contactId,
    companyId: contact?.companyId ?? null,
    subject: task.subject,
    body: task.body,
    occurredAt: task.occurredAt ?? now,
    direction: null,
    durationSeconds: null,
    outcome: null,
    startsAt: null,
    endsAt: null,
    attendees: '[]',
    dueAt: task.dueAt,
    assigneeId: assignee?.id ?? null,
    done: 0,
    reminderAt: null,
    remindedAt: null,
    dealId: null,
    createdBy: null,
    teamId: assignee?.teamId ?? contact?.teamId ?? null,
    createdAt: now,
    updatedAt: now,
  };
  await trx.insertInto('interactions').values(row).execute();
  const after = { ...row, attendees: [], done: false };
  await writeAudit(trx, engine, { actorId: task.actorId, action: 'create', entity: 'interaction', entityId: id, after });
  await emitEvent(trx, 'interaction.created', 'interaction', id, after);
  return id;
}
