// Tables owned by the core: audit log, event outbox, settings.
import type { Generated } from 'kysely';
import type { NotificationsTable } from './notifications/notification-tables.js';
import type { MailOutboxTable } from './mail/mail-tables.js';

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
  /** The bulk operation an event came from ("import:<id>", "dedup:<job id>"), null for a single change. */
  bulk: string | null;
}

export interface OutboxCursorsTable {
  consumer: string;
  lastId: string;
}

export interface JobsTable {
  id: string;
  type: string;
  status: string;
  payload: string;
  progress: string;
  result: string | null;
  error: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  runAt: string;
  lockedUntil: string | null;
}

export interface SchedulesTable {
  id: string;
  name: string;
  jobType: string;
  payload: string;
  frequency: 'daily' | 'weekly';
  atTime: string; // HH:MM, UTC
  weekday: number | null; // 0 = Sunday, for weekly
  nextRunAt: string;
  lastJobId: string | null;
  active: number;
  createdBy: string | null;
  createdAt: string;
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
  jobs: JobsTable;
  schedules: SchedulesTable;
  notifications: NotificationsTable;
  mailOutbox: MailOutboxTable;
}
