// `rapport export`: writes a list view to a file as the system actor (sees every record).
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../../../core/db/database.js';
import { systemActor } from '../../../core/auth/actor.js';
import { AppError } from '../../../core/errors.js';
import { openExport } from './export-rows.js';
import { exportStream, type ExportFormat } from './export-stream.js';
import type { ExportObject } from './export-columns.js';

export interface ExportFileOptions {
  object: ExportObject;
  format: ExportFormat;
  out: string;
  columns?: string;
  /** "key=value" pairs: q, sort and the list's filters. */
  filters?: string[];
}

export function parseFilters(pairs: string[] = []): Record<string, string> {
  const params: Record<string, string> = {};
  for (const p of pairs) {
    const i = p.indexOf('=');
    if (i <= 0) throw new AppError('validation', `--filter takes key=value (got "${p}")`, [{ path: 'filter', message: 'key=value' }]);
    params[p.slice(0, i)] = p.slice(i + 1);
  }
  return params;
}

export async function exportToFile(db: Db, opts: ExportFileOptions): Promise<{ rows: number; seconds: number }> {
  const t0 = performance.now();
  const opened = await openExport(db, systemActor, { object: opts.object, columns: opts.columns, params: parseFilters(opts.filters) });
  const { stream, done } = exportStream(opened, opts.format, opts.object);
  await pipeline(stream, createWriteStream(opts.out));
  const rows = await done;
  return { rows, seconds: (performance.now() - t0) / 1000 };
}
