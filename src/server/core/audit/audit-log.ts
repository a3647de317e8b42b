// Appends to the tamper-evident audit log: each entry carries the hash of the one before it.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { DbOrTrx, Engine } from '../db/database.js';
import { nowIso } from '../ids.js';

export type AuditAction = 'create' | 'update' | 'delete' | 'login' | 'erase';

export interface AuditEntry {
  actorId: string | null;
  action: AuditAction;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

export function hashEntry(prevHash: string, e: { at: string; actorId: string | null; action: string; entity: string; entityId: string; before: string | null; after: string | null }): string {
  const canonical = JSON.stringify([prevHash, e.at, e.actorId, e.action, e.entity, e.entityId, e.before, e.after]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Only the fields that changed, so an update entry says what changed without repeating the record. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'updatedAt') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return { before: b, after: a };
}

/** Must be called inside the transaction that makes the change. */
export async function writeAudit(trx: DbOrTrx, engine: Engine, entry: AuditEntry): Promise<void> {
  await writeAuditBatch(trx, engine, [entry]);
}

const AUDIT_ROWS_PER_INSERT = 500;

/**
 * Appends several entries in order, chained in memory: one lock, one read of the chain's head and multi-row inserts,
 * for bulk work (an import updating thousands of contacts) that would otherwise pay both per entry.
 * Must be called inside the transaction that makes the changes.
 */
export async function writeAuditBatch(trx: DbOrTrx, engine: Engine, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  // Serialise writers on PostgreSQL so two transactions cannot chain onto the same predecessor.
  if (engine === 'postgres') await sql`select pg_advisory_xact_lock(72700101)`.execute(trx);
  const last = await trx.selectFrom('auditLog').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  let prevHash = last?.hash ?? GENESIS_HASH;
  const at = nowIso();
  const rows = entries.map((entry) => {
    const row = {
      at,
      actorId: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    };
    const hash = hashEntry(prevHash, row);
    const out = { ...row, prevHash, hash };
    prevHash = hash;
    return out;
  });
  // Rows of one multi-row insert take their seq in the order given, on both engines.
  for (let i = 0; i < rows.length; i += AUDIT_ROWS_PER_INSERT) await trx.insertInto('auditLog').values(rows.slice(i, i + AUDIT_ROWS_PER_INSERT)).execute();
}
