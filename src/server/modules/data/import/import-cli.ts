// `rapport import FILE --object contacts [--mapping m.json] [--on-match …]`: imports a file in this process,
// printing the mapping it uses (suggested from the headers unless given), progress and the rows it could not take.
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../../../core/db/database.js';
import { newId } from '../../../core/ids.js';
import { AppError } from '../../../core/errors.js';
import type { Mapping } from './column-mapping.js';
import { errorsCsv } from './errors-csv.js';
import { createImport, startImport } from './import-service.js';
import type { OnMatch, UpdateMode } from './import-target.js';
import { runImport } from './run-import.js';
import { keepColumnsAsFields } from './keep-columns.js';
import { systemActor } from '../../../core/auth/actor.js';
import { isSupportedCountry } from 'libphonenumber-js';
import './targets/register-targets.js';

export interface CliImportOptions {
  file: string;
  object: string;
  mapping?: string;
  onMatch?: string;
  updateMode?: string;
  errors?: string;
  /** The file's default region (a row's own country column wins). */
  region?: string;
  strict?: boolean;
  /** Keep every unmapped column as a new text custom field. */
  createFields?: boolean;
}

export async function importFileFromCli(db: Db, o: CliImportOptions, out: { log(s: string): void; err(s: string): void }) {
  const file = path.resolve(o.file);
  if (!existsSync(file)) throw new AppError('validation', `No such file: ${file}`, [{ path: 'file', message: 'not found' }]);
  if (o.onMatch && !['update', 'skip', 'create'].includes(o.onMatch)) throw new AppError('validation', '--on-match is update, skip or create', [{ path: 'on-match', message: o.onMatch }]);
  if (o.updateMode && !['fill', 'overwrite'].includes(o.updateMode)) throw new AppError('validation', '--update-mode is fill or overwrite', [{ path: 'update-mode', message: o.updateMode }]);
  const region = o.region?.trim().toUpperCase();
  if (region && !isSupportedCountry(region)) throw new AppError('validation', '--region is a two-letter country code such as US or CN', [{ path: 'region', message: o.region! }]);
  let mapping: Mapping | undefined;
  if (o.mapping) {
    try {
      mapping = JSON.parse(readFileSync(o.mapping, 'utf8')) as Mapping;
    } catch (e) {
      throw new AppError('validation', `--mapping must be a JSON file of {"Header": "field"}: ${(e as Error).message}`, [{ path: 'mapping', message: 'not JSON' }]);
    }
  }
  // The CLI is the system actor: records it creates have no owner until someone assigns one.
  const imp = await createImport(db, { id: newId(), object: o.object, fileName: path.basename(file), filePath: file, actor: { id: null, teamId: null, visibility: 'all' }, onMatch: o.onMatch as OnMatch, updateMode: o.updateMode as UpdateMode, region, strict: !!o.strict });
  out.log(`${imp.format.toUpperCase()} file, encoding ${imp.encoding}${imp.format === 'csv' ? `, delimiter ${JSON.stringify(imp.delimiter)}` : ''}, ${imp.headers.length} columns`);
  if (!mapping) out.log(`mapping (${imp.mappingSource}; pass --mapping FILE.json to change it):\n${JSON.stringify(imp.mapping, null, 2)}`);
  if (o.createFields) {
    const kept = await keepColumnsAsFields(db, systemActor, o.object, imp.headers, mapping ?? imp.mapping);
    mapping = kept.mapping;
    if (kept.created.length) out.log(`created custom fields for the unmapped columns: ${kept.created.join(', ')}`);
  }
  // Nothing is dropped silently: the columns no field takes are named, every time.
  const ignored = imp.headers.filter((h) => !(mapping ?? imp.mapping)[h]);
  if (ignored.length) out.err(`WARNING: ${ignored.length} column(s) will NOT be imported: ${ignored.map((h) => JSON.stringify(h)).join(', ')} (map them with --mapping, or keep them as new custom fields with --create-fields)`);
  await startImport(db, imp.id, { mapping }, { enqueue: false });
  const started = Date.now();
  const p = await runImport(db, imp.id, {
    checkpoint: async (pr) => out.err(`  ${pr.rowsDone} rows, ${pr.rowsPerSecond} rows/s, ${pr.failed} failed (${pr.percent}%)`),
    cancelled: async () => false,
  });
  const secs = (Date.now() - started) / 1000;
  out.log(`import ${imp.id}: ${p.rowsDone} rows in ${secs.toFixed(1)} s (${Math.round(p.rowsDone / Math.max(secs, 0.001))} rows/s): ${p.created} created, ${p.updated} updated, ${p.skipped} skipped, ${p.duplicates} duplicates in the file merged, ${p.failed} failed, ${p.warnings} imported with warnings, ${p.companiesCreated} companies created${ignored.length ? `; columns not imported: ${ignored.join(', ')}` : ''}`);
  if (p.failed || p.warnings) {
    const target = o.errors ?? `${file.replace(/\.[^.]+$/, '')}-errors.csv`;
    await pipeline(errorsCsv(db.kysely, imp.id), createWriteStream(target));
    out.log(`the rows that failed and the cells left out or kept as typed, with column, reason and severity: ${target}`);
  }
  return p;
}
