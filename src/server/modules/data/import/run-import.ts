// Runs an import: streams the file, cleans each row, writes batches of rows in transactions that also advance the
// checkpoint (rows_done), so a crash loses nothing and a resumed run never writes a row twice.
import { sql } from 'kysely';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { wantedBulkTypes } from '../../../core/events/bulk-events.js';
import { nowIso } from '../../../core/ids.js';
import { withLargeFtsBuffer } from './fts-buffer.js';
import { getOrgSettings } from '../../../core/settings.js';
import { cleanFileRow, compileMapping, type CompiledColumn, type Mapping } from './column-mapping.js';
import { importTarget, type BatchContext, type CleanRow, type RowError } from './import-target.js';
import { openRows } from './row-reader.js';
import { ignoredColumns, loadImportRow, importOptions, progressOf, type ImportProgress } from './import-record.js';

export const batchSize = () => Number(process.env.RAPPORT_IMPORT_BATCH ?? 5000);

export interface RunHooks {
  checkpoint(progress: ImportProgress): Promise<void>;
  cancelled(): Promise<boolean>;
  /** Test seam: called inside each batch's transaction before it commits (a throw there rolls the batch back). */
  beforeCommit?(batch: number): Promise<void> | void;
}

/** Thrown when another worker committed the batch first (it took over a job whose lock had expired). */
class LostLease extends Error {}

export async function runImport(db: Db, importId: string, hooks: RunHooks): Promise<ImportProgress> {
  const imp = await loadImportRow(db.kysely, importId);
  if (imp.status === 'done' || imp.status === 'cancelled') return progressOf(imp);
  const target = importTarget(imp.object);
  if (!target) throw new Error(`no import target "${imp.object}"`);
  const opts = importOptions(imp);
  const headers = JSON.parse(imp.headers) as string[];
  const cols = compileMapping(headers, JSON.parse(imp.mapping ?? '{}') as Mapping, await target.fields(db.kysely));
  const settings = await getOrgSettings(db.kysely);
  const ctx: BatchContext = { db, importId, actor: opts.actor, onMatch: opts.onMatch, updateMode: opts.updateMode, region: opts.region ?? settings.defaultRegion, currency: settings.defaultCurrency, bulk: `import:${importId}`, wanted: new Set<string>() };
  await db.kysely.updateTable('imports').set({ status: 'running', startedAt: imp.startedAt ?? nowIso() }).where('id', '=', importId).execute();

  const reader = await openRows(imp.filePath, { format: imp.format, encoding: imp.encoding, delimiter: imp.delimiter });
  let committed = imp.rowsDone; // the checkpoint this run resumes from
  let seen = -1; // data rows read so far (the header is not counted)
  let batchNo = 0;
  let pending: { rows: CleanRow[]; errors: RowError[]; consumed: number } = { rows: [], errors: [], consumed: 0 };

  const flush = async () => {
    const batch = pending;
    pending = { rows: [], errors: [], consumed: 0 };
    batchNo++;
    await db.kysely.transaction().execute(async (trx) => {
      // Claim the batch first: the checkpoint row is locked before any row is written, so a second worker running
      // the same import (its lock expired while this one was slow) waits here, then finds it moved on and writes nothing.
      const claim = await trx
        .updateTable('imports')
        .set({ rowsDone: committed + batch.consumed, bytesDone: reader.bytesRead() })
        .where('id', '=', importId)
        .where('rowsDone', '=', committed)
        .where('status', '=', 'running')
        .executeTakeFirst();
      if (Number(claim.numUpdatedRows) !== 1) throw new LostLease('the import moved on without this worker (cancelled, or resumed elsewhere)');
      // Per-record events only for the types a subscriber opted in to, asked per batch so a new opt-in takes effect.
      const wanted = await wantedBulkTypes(trx);
      const res = await withLargeFtsBuffer(trx, db.engine, () => target.writeBatch(trx, { ...ctx, wanted }, batch.rows));
      const errors = [...batch.errors, ...res.errors.map((e) => ({ ...e, column: headerOf(cols, e.column) }))];
      if (errors.length) await insertErrors(trx, importId, errors);
      const failed = new Set(errors.filter((e) => e.severity !== 'warning').map((e) => e.rowNumber));
      const warned = new Set(errors.filter((e) => e.severity === 'warning' && !failed.has(e.rowNumber)).map((e) => e.rowNumber));
      await trx
        .updateTable('imports')
        .set((eb) => ({
          created: eb('created', '+', res.created),
          updated: eb('updated', '+', res.updated),
          skipped: eb('skipped', '+', res.skipped),
          duplicates: eb('duplicates', '+', res.duplicates),
          failed: eb('failed', '+', failed.size),
          warnings: eb('warnings', '+', warned.size),
          companiesCreated: eb('companiesCreated', '+', res.companiesCreated),
        }))
        .where('id', '=', importId)
        .execute();
      await hooks.beforeCommit?.(batchNo);
    });
    committed += batch.consumed;
    // PostgreSQL plans the match lookups from table statistics; a first big import into an empty table outgrows them
    // long before autovacuum catches up, and IN (...) lookups turn into sequential scans. Analysing after batch
    // 1, 2, 4, 8, … keeps the estimates current at a logarithmic cost.
    if (db.engine === 'postgres' && target.tables?.length && (batchNo & (batchNo - 1)) === 0) await sql`analyze ${sql.join(target.tables.map((t) => sql.table(t)))}`.execute(db.kysely);
    const row = await loadImportRow(db.kysely, importId);
    await hooks.checkpoint(progressOf(row));
  };

  try {
    for await (const fileRow of reader.rows) {
      seen++;
      if (seen === 0 || seen <= committed) continue; // the header, then rows an earlier run committed
      pending.consumed++;
      const cleaned = cleanFileRow(fileRow, cols, { region: ctx.region, strict: opts.strict });
      const rowErrors: RowError[] = cleaned.errors.map((e) => ({ rowNumber: fileRow.rowNumber, ...e }));
      // A bad cell is a warning unless strict: the row comes in with its valid cells, if those still make a record.
      let rejected = rowErrors.some((e) => e.severity === 'error');
      if (!rejected) for (const p of target.checkRow(cleaned.values)) {
        rowErrors.push({ rowNumber: fileRow.rowNumber, column: headerOf(cols, p.column), value: null, reason: p.reason, severity: 'error' });
        rejected = true;
      }
      if (rowErrors.length) pending.errors.push(...rowErrors);
      if (!rejected) pending.rows.push({ rowNumber: cleaned.rowNumber, values: cleaned.values });
      if (pending.consumed >= batchSize()) {
        await flush();
        if (await hooks.cancelled()) return await finish(db, importId, 'cancelled');
      }
    }
    if (pending.consumed > 0) await flush();
  } catch (err) {
    if (err instanceof LostLease) return progressOf(await loadImportRow(db.kysely, importId));
    throw err;
  }
  return finish(db, importId, 'done');
}

function headerOf(cols: CompiledColumn[], fieldKey: string): string {
  return cols.find((c) => c.field.key === fieldKey)?.header ?? fieldKey;
}

async function insertErrors(trx: DbOrTrx, importId: string, errors: RowError[]) {
  for (let i = 0; i < errors.length; i += 500) {
    await trx
      .insertInto('importErrors')
      .values(errors.slice(i, i + 500).map((e) => ({ importId, rowNumber: e.rowNumber, column: e.column, value: e.value === null ? null : e.value.slice(0, 500), reason: e.reason, severity: e.severity ?? 'error' })))
      .execute();
  }
}

/** Closes the import: one audit entry and one import.completed event (the summary, with its counts) for the whole file. */
async function finish(db: Db, importId: string, status: 'done' | 'cancelled'): Promise<ImportProgress> {
  return db.kysely.transaction().execute(async (trx) => {
    const before = await loadImportRow(trx, importId);
    if (before.status !== 'running') return progressOf(before);
    await trx.updateTable('imports').set({ status, finishedAt: nowIso(), bytesDone: before.bytesTotal }).where('id', '=', importId).execute();
    await trx.deleteFrom('importKeys').where('importId', '=', importId).execute();
    const after = await loadImportRow(trx, importId);
    const p = progressOf(after);
    const summary = { object: after.object, fileName: after.fileName, status, rowsDone: p.rowsDone, created: p.created, updated: p.updated, skipped: p.skipped, duplicates: p.duplicates, failed: p.failed, warnings: p.warnings, companiesCreated: p.companiesCreated, ignoredColumns: ignoredColumns(JSON.parse(after.headers), JSON.parse(after.mapping ?? '{}')) };
    await writeAudit(trx, db.engine, { actorId: importOptions(after).actor.id ?? 'system', action: 'update', entity: 'import', entityId: importId, before: { status: before.status }, after: summary });
    if (status === 'done') await emitEvent(trx, 'import.completed', 'import', importId, { id: importId, ...summary });
    return p;
  });
}
