// The import preview: the first rows exactly as they will be stored with each cell's problem, and a summary of the
// head of the file (countries found, phones normalised / kept as typed / rejected, columns left out). Writes nothing.
import type { Db } from '../../../core/db/database.js';
import { getOrgSettings } from '../../../core/settings.js';
import { cleanFileRow, compileMapping, type Mapping } from './column-mapping.js';
import { ignoredColumns, importOptions, loadImportRow } from './import-record.js';
import { targetOf } from './import-service.js';
import type { Severity } from './import-target.js';
import { readHead } from './row-reader.js';

/** How many rows of the file the summary reads: enough to see its countries, cheap enough for an interactive step. */
const scanRows = () => Number(process.env.RAPPORT_IMPORT_PREVIEW_SCAN ?? 2000);

export interface PreviewRow {
  rowNumber: number;
  values: Record<string, unknown>;
  errors: { column: string; value: string | null; reason: string; severity: Severity }[];
}

export interface PreviewSummary {
  rowsScanned: number;
  region: string;
  strict: boolean;
  countries: { country: string; region: string; rows: number }[];
  phones: { normalised: number; raw: number; rejected: number };
  rowsWithWarnings: number;
  rowsRejected: number;
  ignoredColumns: string[];
}

export interface PreviewInput {
  mapping?: Mapping;
  limit: number;
  region?: string;
  strict?: boolean;
}

export async function previewImport(db: Db, id: string, input: PreviewInput): Promise<{ mapping: Mapping; rows: PreviewRow[]; summary: PreviewSummary }> {
  const imp = await loadImportRow(db.kysely, id);
  const target = targetOf(imp.object);
  const headers = JSON.parse(imp.headers) as string[];
  const chosen = input.mapping ?? (JSON.parse(imp.mapping ?? '{}') as Mapping);
  const cols = compileMapping(headers, chosen, await target.fields(db.kysely));
  const opts = importOptions(imp);
  const region = input.region ?? opts.region ?? (await getOrgSettings(db.kysely)).defaultRegion;
  const strict = input.strict ?? !!opts.strict;
  const { rows } = await readHead(imp.filePath, { format: imp.format, encoding: imp.encoding, delimiter: imp.delimiter }, Math.max(input.limit, scanRows()));
  const countries = new Map<string, { country: string; region: string; rows: number }>();
  const phones = { normalised: 0, raw: 0, rejected: 0 };
  let [rowsWithWarnings, rowsRejected] = [0, 0];
  const out: PreviewRow[] = [];
  for (const r of rows) {
    const c = cleanFileRow(r, cols, { region, strict });
    const errors: PreviewRow['errors'] = [...c.errors];
    if (!errors.some((e) => e.severity === 'error')) for (const p of target.checkRow(c.values)) errors.push({ column: cols.find((x) => x.field.key === p.column)?.header ?? p.column, value: null, reason: p.reason, severity: 'error' });
    if (errors.some((e) => e.severity === 'error')) rowsRejected++;
    else if (errors.length) rowsWithWarnings++;
    if (c.country) {
      const k = `${c.region}\u0001${c.country}`;
      const entry = countries.get(k) ?? { country: c.country, region: c.region, rows: 0 };
      entry.rows++;
      countries.set(k, entry);
    }
    phones.normalised += c.phones.normalised;
    phones.raw += c.phones.raw;
    phones.rejected += c.phones.rejected;
    if (out.length < input.limit) out.push({ rowNumber: r.rowNumber, values: c.values, errors });
  }
  const summary: PreviewSummary = {
    rowsScanned: rows.length, region, strict, countries: [...countries.values()].sort((a, b) => b.rows - a.rows), phones, rowsWithWarnings, rowsRejected,
    ignoredColumns: ignoredColumns(headers, chosen),
  };
  return { mapping: chosen, rows: out, summary };
}
