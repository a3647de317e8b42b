// Column mappings: suggested from the headers (aliases in English, Chinese and other CRMs' exports), checked when
// the user sends one, saved per object and header set, and applied to a file row to give cleaned values.
import { createHash } from 'node:crypto';
import type { DbOrTrx } from '../../../core/db/database.js';
import { AppError, type FieldError } from '../../../core/errors.js';
import { nowIso } from '../../../core/ids.js';
import type { FileRow } from './row-reader.js';
import type { ImportField, Severity } from './import-target.js';
import { regionOfCountry } from '../../../core/phone-region.js';
import { cleanBoolean, cleanDomain, cleanDate, cleanDateTime, cleanEmail, cleanMultiSelect, cleanNumber, cleanPhone, cleanSelect, cleanText, splitList, type Cleaned } from './cleanse.js';

/** header -> field key (null: the column is not imported). */
export type Mapping = Record<string, string | null>;

/** "First Name", "first_name", "FIRST-NAME" and "姓名（必填）" compare equal to their alias. */
export function normaliseHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .replace(/[(（][^)）]*[)）]/g, '')
    .toLowerCase()
    .replace(/[\s_\-.:：*/#]+/g, '');
}

export function suggestMapping(headers: string[], fields: ImportField[]): Mapping {
  const byAlias = new Map<string, ImportField>();
  for (const f of fields) for (const a of [f.key, f.label, ...(f.aliases ?? [])]) if (!byAlias.has(normaliseHeader(a))) byAlias.set(normaliseHeader(a), f);
  const taken = new Set<string>();
  const out: Mapping = {};
  for (const h of headers) {
    const f = byAlias.get(normaliseHeader(h));
    if (f && (f.multiple || !taken.has(f.key))) {
      out[h] = f.key;
      taken.add(f.key);
    } else out[h] = null;
  }
  return out;
}

export interface CompiledColumn {
  index: number;
  header: string;
  field: ImportField;
}

/** Checks a mapping against the file's headers and the object's fields; a problem is a 422 naming the header. */
export function compileMapping(headers: string[], mapping: Mapping, fields: ImportField[]): CompiledColumn[] {
  const errors: FieldError[] = [];
  const cols: CompiledColumn[] = [];
  const used = new Map<string, string>();
  for (const [header, key] of Object.entries(mapping)) {
    if (!key) continue;
    const index = headers.indexOf(header);
    const field = fields.find((f) => f.key === key);
    if (index < 0) errors.push({ path: `mapping.${header}`, message: 'no such column in the file' });
    else if (!field) errors.push({ path: `mapping.${header}`, message: `unknown field "${key}"` });
    else if (!field.multiple && used.has(key)) errors.push({ path: `mapping.${header}`, message: `"${key}" is already mapped from "${used.get(key)}"` });
    else {
      used.set(key, header);
      cols.push({ index, header, field });
    }
  }
  if (errors.length) throw new AppError('validation', 'The column mapping does not fit this file', errors);
  if (!cols.length) throw new AppError('validation', 'Map at least one column to a field', [{ path: 'mapping', message: 'no column is mapped' }]);
  return cols;
}

function cleanCell(f: ImportField, raw: string, region: string): Cleaned<unknown> {
  switch (f.type) {
    case 'email':
      return cleanEmail(raw);
    case 'domain':
      return cleanDomain(raw);
    case 'phone':
      return cleanPhone(raw, region);
    case 'date':
      return cleanDate(raw, region);
    case 'datetime':
      return cleanDateTime(raw, region);
    case 'boolean':
      return cleanBoolean(raw);
    case 'number':
      return cleanNumber(raw);
    case 'select':
      return cleanSelect(raw, f.options ?? [], f.optionAliases);
    case 'multiselect':
      return cleanMultiSelect(raw, f.options ?? []);
    default:
      return cleanText(raw, f.max ?? 2000);
  }
}

export interface CellProblem {
  column: string;
  value: string;
  reason: string;
  severity: Severity;
}

export interface CleanedRow {
  rowNumber: number;
  values: Record<string, unknown>;
  errors: CellProblem[];
  /** The region the row's phones and dates were read in: its own country column's, else the import's default. */
  region: string;
  /** The country cell as written, when the row has one that names a known country. */
  country: string | null;
  phones: { normalised: number; raw: number; rejected: number };
}

export interface CleanOptions {
  /** The default region of this file (the row's country column wins). */
  region: string;
  /** Strict: a bad cell fails the whole row (and a phone not valid for its region is rejected, not kept raw). */
  strict?: boolean;
}

/**
 * Applies the mapping to one row: every cell cleansed in the row's own region; a multiple field collects a list (one
 * cell may hold several, and two forms of one number become one). A bad cell is a warning (the cell is left out, the
 * row kept) unless strict, when it is an error; a phone that is not valid for its region is kept as typed, never
 * normalised into another country's number.
 */
export function cleanFileRow(row: FileRow, cols: CompiledColumn[], opts: CleanOptions): CleanedRow {
  const values: Record<string, unknown> = {};
  const errors: CellProblem[] = [];
  const severity: Severity = opts.strict ? 'error' : 'warning';
  const countryCol = cols.find((c) => c.field.key === 'address.country');
  const countryCell = countryCol ? (row.cells[countryCol.index] ?? '').trim() : '';
  const countryRegion = regionOfCountry(countryCell);
  const region = countryRegion ?? opts.region;
  const phones = { normalised: 0, raw: 0, rejected: 0 };
  const push = (key: string, v: unknown) => {
    const list = (values[key] as unknown[] | undefined) ?? [];
    if (!list.includes(v)) list.push(v);
    values[key] = list;
  };
  for (const c of cols) {
    const raw = row.cells[c.index] ?? '';
    if (c.field.multiple || c.field.type === 'list') {
      const parts = c.field.type === 'list' || c.field.type === 'email' || c.field.type === 'phone' ? splitList(raw) : [raw];
      for (const p of parts) {
        const r = cleanCell(c.field.type === 'list' ? { ...c.field, type: 'text' } : c.field, p, region);
        if (r.ok) {
          if (r.value === null) continue;
          push(c.field.key, r.value);
          if (c.field.type === 'phone') phones.normalised++;
        } else if (c.field.type === 'phone' && c.field.keepRaw && !opts.strict) {
          phones.raw++;
          push(c.field.keepRaw, p.trim());
          errors.push({ column: c.header, value: raw, reason: `"${p.trim()}" is not a valid phone number for ${region}; kept as typed, not normalised`, severity: 'warning' });
        } else {
          if (c.field.type === 'phone') phones.rejected++;
          errors.push({ column: c.header, value: raw, reason: r.reason, severity });
        }
      }
      continue;
    }
    const r = cleanCell(c.field, raw, region);
    if (!r.ok) errors.push({ column: c.header, value: raw, reason: r.reason, severity });
    else if (r.value !== null) values[c.field.key] = r.value;
  }
  return { rowNumber: row.rowNumber, values, errors, region, country: countryRegion ? countryCell : null, phones };
}

/** Saved mappings are keyed by the set of headers, so the same export from the same system finds its mapping again. */
export function headerKey(headers: string[]): string {
  return createHash('sha256').update([...headers].map(normaliseHeader).sort().join('\u0001')).digest('hex');
}

export async function savedMapping(db: DbOrTrx, object: string, headers: string[]): Promise<Mapping | null> {
  const r = await db.selectFrom('importMappings').select('mapping').where('object', '=', object).where('headerKey', '=', headerKey(headers)).executeTakeFirst();
  return r ? (JSON.parse(r.mapping) as Mapping) : null;
}

export async function saveMapping(db: DbOrTrx, object: string, headers: string[], mapping: Mapping): Promise<void> {
  const value = JSON.stringify(mapping);
  await db
    .insertInto('importMappings')
    .values({ object, headerKey: headerKey(headers), mapping: value, updatedAt: nowIso() })
    .onConflict((oc) => oc.columns(['object', 'headerKey']).doUpdateSet({ mapping: value, updatedAt: nowIso() }))
    .execute();
}
