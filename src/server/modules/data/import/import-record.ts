// An import as stored and as the API shows it: its options, its progress (rows done, rows/s, errors so far).
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { DbOrTrx } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import type { ImportsTable } from './import-tables.js';
import type { ImportActor, OnMatch, UpdateMode } from './import-target.js';

export type ImportRow = Selectable<ImportsTable>;

export interface ImportOptions {
  onMatch: OnMatch;
  updateMode: UpdateMode;
  actor: ImportActor;
  /** The default region of this file's phones and dates (a row's own country column wins); unset: the organisation's. */
  region?: string;
  /** Strict: a row with one bad cell is not imported (the old behaviour); else the row comes in without that cell. */
  strict?: boolean;
}

export const progressSchema = z.object({
  rowsDone: z.number(),
  created: z.number(),
  updated: z.number(),
  skipped: z.number(),
  duplicates: z.number(),
  failed: z.number(),
  /** Rows imported with a cell left out or kept as typed (each listed in the error report as a warning). */
  warnings: z.number(),
  companiesCreated: z.number(),
  rowsPerSecond: z.number(),
  /** Share of the file read, 0–100, by bytes. */
  percent: z.number(),
});
export type ImportProgress = z.infer<typeof progressSchema>;

export const importSchema = z.object({
  id: z.string(),
  object: z.string(),
  status: z.enum(['uploaded', 'queued', 'running', 'done', 'failed', 'cancelled']),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string(),
  delimiter: z.string(),
  headers: z.array(z.string()),
  mapping: z.record(z.string(), z.string().nullable()),
  mappingSource: z.enum(['suggested', 'saved', 'chosen']),
  onMatch: z.enum(['update', 'skip', 'create']),
  updateMode: z.enum(['fill', 'overwrite']),
  region: z.string().nullable().describe("the file's default region; null: the organisation's"),
  strict: z.boolean(),
  ignoredColumns: z.array(z.string()).describe('columns of the file that are not imported (mapped to nothing)'),
  jobId: z.string().nullable(),
  scheduleId: z.string().nullable(),
  progress: progressSchema,
  error: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type ImportView = z.infer<typeof importSchema>;

/** The columns a mapping leaves out: nothing is dropped silently, so these are listed wherever the import is shown. */
export function ignoredColumns(headers: string[], mapping: Record<string, string | null>): string[] {
  return headers.filter((h) => !mapping[h]);
}

export async function loadImportRow(db: DbOrTrx, id: string): Promise<ImportRow> {
  const r = await db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('Import');
  return r;
}

export const importOptions = (r: ImportRow): ImportOptions => JSON.parse(r.options) as ImportOptions;

export function progressOf(r: ImportRow): ImportProgress {
  const end = r.finishedAt ? Date.parse(r.finishedAt) : Date.now();
  const seconds = r.startedAt ? Math.max(0.001, (end - Date.parse(r.startedAt)) / 1000) : 0;
  const percent = r.status === 'done' ? 100 : r.bytesTotal > 0 ? Math.min(99, Math.floor((Number(r.bytesDone) / Number(r.bytesTotal)) * 100)) : 0;
  return {
    rowsDone: r.rowsDone, created: r.created, updated: r.updated, skipped: r.skipped, duplicates: r.duplicates, failed: r.failed, warnings: r.warnings ?? 0, companiesCreated: r.companiesCreated,
    rowsPerSecond: seconds ? Math.round(r.rowsDone / seconds) : 0,
    percent,
  };
}

export function toImportView(r: ImportRow): ImportView {
  const o = importOptions(r);
  return {
    id: r.id, object: r.object, status: r.status, fileName: r.fileName, format: r.format, encoding: r.encoding, delimiter: r.delimiter,
    headers: JSON.parse(r.headers), mapping: JSON.parse(r.mapping ?? '{}'), mappingSource: r.mappingSource, onMatch: o.onMatch, updateMode: o.updateMode,
    region: o.region ?? null, strict: !!o.strict, ignoredColumns: ignoredColumns(JSON.parse(r.headers), JSON.parse(r.mapping ?? '{}')),
    jobId: r.jobId, scheduleId: r.scheduleId, progress: progressOf(r), error: r.error, createdBy: r.createdBy, createdAt: r.createdAt, startedAt: r.startedAt, finishedAt: r.finishedAt,
  };
}
