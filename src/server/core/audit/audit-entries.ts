// Reads audit entries with the actor's name and their field changes in plain words (shared by /audit and record history).
import type { DbOrTrx } from '../db/database.js';
import { fieldChanges, userIdsIn, type FieldChange } from './audit-changes.js';
import { subjectOfEntity } from './record-history-registry.js';

export interface AuditRow {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface ReadableEntry extends AuditRow {
  changes: FieldChange[];
}

export interface AuditFilter {
  entities?: string[];
  entityId?: string;
  actorId?: string;
  from?: string;
  to?: string;
  beforeSeq?: number;
  limit: number;
  /** With entityId: also entries of these related records (a contact's tickets). */
  related?: { entity: string; ids: string[] }[];
}

export async function readAuditEntries(db: DbOrTrx, f: AuditFilter): Promise<ReadableEntry[]> {
  let q = db
    .selectFrom('auditLog')
    .leftJoin('users', 'users.id', 'auditLog.actorId')
    .select(['auditLog.seq', 'auditLog.at', 'auditLog.actorId', 'users.name as actorName', 'auditLog.action', 'auditLog.entity', 'auditLog.entityId', 'auditLog.before', 'auditLog.after'])
    .orderBy('auditLog.seq', 'desc')
    .limit(f.limit);
  const related = (f.related ?? []).filter((r) => r.ids.length);
  if (f.entityId && related.length) {
    const own = f.entities?.length ? f.entities : null;
    q = q.where((eb) => eb.or([
      eb.and([...(own ? [eb('auditLog.entity', 'in', own)] : []), eb('auditLog.entityId', '=', f.entityId!)]),
      ...related.map((r) => eb.and([eb('auditLog.entity', '=', r.entity), eb('auditLog.entityId', 'in', r.ids)])),
    ]));
  } else {
    if (f.entities?.length) q = q.where('auditLog.entity', 'in', f.entities);
    if (f.entityId) q = q.where('auditLog.entityId', '=', f.entityId);
  }
  if (f.actorId) q = q.where('auditLog.actorId', '=', f.actorId);
  if (f.from) q = q.where('auditLog.at', '>=', f.from);
  if (f.to) q = q.where('auditLog.at', '<', f.to);
  if (f.beforeSeq !== undefined) q = q.where('auditLog.seq', '<', f.beforeSeq);
  const rows: AuditRow[] = (await q.execute()).map((r) => ({ ...r, before: parse(r.before), after: parse(r.after) }));
  return withChanges(db, rows);
}

async function withChanges(db: DbOrTrx, rows: AuditRow[]): Promise<ReadableEntry[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.action === 'update' ? userIdsIn(r.before, r.after) : [])))];
  const userNames = new Map<string, string>();
  if (ids.length) for (const u of await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute()) userNames.set(u.id, u.name);
  const labels = new Map<string, Record<string, string>>();
  for (const entity of new Set(rows.map((r) => r.entity))) {
    const subject = subjectOfEntity(entity);
    labels.set(entity, subject?.customFieldLabels ? await subject.customFieldLabels(db) : {});
  }
  // Only updates list fields: a creation or deletion is told as such, not as every field of the record.
  return rows.map((r) => ({ ...r, changes: r.action === 'update' ? fieldChanges(r.before, r.after, { userNames, customFieldLabels: labels.get(r.entity) ?? {} }) : [] }));
}

function parse(v: string | null): unknown {
  return v ? JSON.parse(v) : null;
}
