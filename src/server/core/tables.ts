// Tables owned by the core: audit log, event outbox, settings.
import type { Generated } from 'kysely';

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: string | null;
  after: string | null;
  prevHash: string;
  hash: string;
}

export interface OutboxTable {
  id: string;
  type: string;
  entity: string;
  entityId: string;
  payload: string;
  createdAt: string;
  processedAt: string | null;
}

export interface OutboxCursorsTable {
  consumer: string;
  lastId: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface CoreTables {
  auditLog: AuditLogTable;
  outbox: OutboxTable;
  outboxCursors: OutboxCursorsTable;
  settings: SettingsTable;
}
