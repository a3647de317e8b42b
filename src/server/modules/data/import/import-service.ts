// Import use cases: register an uploaded file (headers read, mapping suggested), preview rows as they will be stored,
// start the background job, cancel it.
import { stat } from 'node:fs/promises';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { Db } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { nowIso } from '../../../core/ids.js';
import { cancelJob, enqueueJob } from '../../../core/jobs/job-queue.js';
import { getOrgSettings } from '../../../core/settings.js';
import { compileMapping, saveMapping, savedMapping, suggestMapping, type Mapping } from './column-mapping.js';
import { detectFormat } from './file-format.js';
import { importObjects, importTarget, type ImportActor, type ImportTarget, type OnMatch, type UpdateMode } from './import-target.js';
import { loadImportRow, toImportView, type ImportOptions, type ImportView } from './import-record.js';
import { readHead } from './row-reader.js';

export function targetOf(object: string): ImportTarget {
  const t = importTarget(object);
  if (!t) throw new AppError('validation', `Cannot import "${object}"`, [{ path: 'object', message: `one of: ${importObjects().join(', ')}` }]);
  return t;
}

/** Blank headers get a name and repeated ones a number, so a mapping can name every column. */
function uniqueHeaders(raw: string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    const base = h || `Column ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

export interface NewImport {
  id: string;
  object: string;
  fileName: string;
  filePath: string;
  actor: ImportActor;
  onMatch?: OnMatch;
  updateMode?: UpdateMode;
  region?: string;
  strict?: boolean;
  scheduleId?: string | null;
}

export async function createImport(db: Db, input: NewImport): Promise<ImportView> {
  const target = targetOf(input.object);
  const fmt = await detectFormat(input.filePath, input.fileName);
  let headers: string[];
  try {
    headers = uniqueHeaders((await readHead(input.filePath, fmt, 0)).headers);
  } catch (err) {
    throw new AppError('validation', `The file could not be read as ${fmt.format.toUpperCase()}: ${(err as Error).message}`, [{ path: 'body', message: 'not a readable CSV or XLSX file' }]);
  }
  if (!headers.length) throw new AppError('validation', 'The file is empty: the first row must name the columns', [{ path: 'body', message: 'no header row' }]);
  const saved = await savedMapping(db.kysely, input.object, headers);
  const mapping = saved ?? suggestMapping(headers, await target.fields(db.kysely));
  const options: ImportOptions = { onMatch: input.onMatch ?? 'update', updateMode: input.updateMode ?? 'fill', actor: input.actor, ...(input.region && { region: input.region }), ...(input.strict && { strict: true }) };
  const { size } = await stat(input.filePath);
  const row = {
    id: input.id, object: input.object, status: 'uploaded' as const, fileName: input.fileName, filePath: input.filePath, format: fmt.format, encoding: fmt.encoding, delimiter: fmt.delimiter,
    headers: JSON.stringify(headers), mapping: JSON.stringify(mapping), mappingSource: saved ? ('saved' as const) : ('suggested' as const), options: JSON.stringify(options),
    jobId: null, scheduleId: input.scheduleId ?? null, rowsDone: 0, created: 0, updated: 0, skipped: 0, duplicates: 0, failed: 0, warnings: 0, companiesCreated: 0,
    bytesTotal: size, bytesDone: 0, error: null, createdBy: input.actor.id, createdAt: nowIso(), startedAt: null, finishedAt: null,
  };
  await db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('imports').values(row).execute();
    await writeAudit(trx, db.engine, { actorId: input.actor.id ?? 'system', action: 'create', entity: 'import', entityId: row.id, after: { object: row.object, fileName: row.fileName, format: row.format, encoding: row.encoding, headers } });
  });
  return toImportView(row);
}

export interface StartInput {
  mapping?: Mapping;
  onMatch?: OnMatch;
  updateMode?: UpdateMode;
  region?: string;
  strict?: boolean;
  saveMapping?: boolean;
}

/** Queues the import's job; `enqueue: false` leaves running it to the caller (the CLI runs it in its own process). */
export async function startImport(db: Db, id: string, input: StartInput, opts: { enqueue?: boolean } = {}): Promise<ImportView> {
  const imp = await loadImportRow(db.kysely, id);
  if (imp.status !== 'uploaded') throw new AppError('conflict', `This import is already ${imp.status}; upload the file again to run it again`);
  const target = targetOf(imp.object);
  const headers = JSON.parse(imp.headers) as string[];
  const mapping = input.mapping ?? (JSON.parse(imp.mapping ?? '{}') as Mapping);
  compileMapping(headers, mapping, await target.fields(db.kysely));
  const prev = JSON.parse(imp.options) as ImportOptions;
  const options: ImportOptions = { ...prev, onMatch: input.onMatch ?? prev.onMatch, updateMode: input.updateMode ?? prev.updateMode, region: input.region ?? prev.region, strict: input.strict ?? prev.strict ?? false };
  const job = opts.enqueue === false ? null : await enqueueJob(db, 'import', { importId: id }, imp.createdBy);
  await db.kysely.transaction().execute(async (trx) => {
    if (input.saveMapping !== false) await saveMapping(trx, imp.object, headers, mapping);
    await trx
      .updateTable('imports')
      .set({ status: 'queued', mapping: JSON.stringify(mapping), mappingSource: input.mapping ? 'chosen' : imp.mappingSource, options: JSON.stringify(options), jobId: job?.id ?? null })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, db.engine, { actorId: prev.actor.id ?? 'system', action: 'update', entity: 'import', entityId: id, before: { status: 'uploaded' }, after: { status: 'queued', mapping, onMatch: options.onMatch, updateMode: options.updateMode, region: options.region ?? null, strict: options.strict } });
  });
  return toImportView(await loadImportRow(db.kysely, id));
}

export async function cancelImport(db: Db, id: string): Promise<ImportView> {
  const imp = await loadImportRow(db.kysely, id);
  if (!['uploaded', 'queued', 'running'].includes(imp.status)) throw new AppError('conflict', `This import is already ${imp.status}`);
  if (imp.jobId) await cancelJob(db, imp.jobId);
  await db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('imports').set({ status: 'cancelled', finishedAt: nowIso() }).where('id', '=', id).execute();
    await writeAudit(trx, db.engine, { actorId: (JSON.parse(imp.options) as ImportOptions).actor.id ?? 'system', action: 'update', entity: 'import', entityId: id, before: { status: imp.status }, after: { status: 'cancelled' } });
  });
  return toImportView(await loadImportRow(db.kysely, id));
}
