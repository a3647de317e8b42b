// The plug-in point of imports: each importable object (contacts, companies, interactions; later orders, products)
// is a target that names its fields and writes a batch of cleaned rows. Targets register themselves here.
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import type { Role } from '../../../core/auth/actor.js';

export type FieldType = 'text' | 'email' | 'phone' | 'date' | 'datetime' | 'boolean' | 'number' | 'select' | 'multiselect' | 'list' | 'domain';

export interface ImportField {
  /** Where the value goes, e.g. "givenName", "emails", "address.city", "custom.vip_level". */
  key: string;
  label: string;
  type: FieldType;
  /** Several columns may feed it (emails, phones, tags); the values are collected into a list. */
  multiple?: boolean;
  options?: readonly string[];
  /** Other spellings of options, lower-cased (e.g. 客户 -> customer). */
  optionAliases?: Record<string, string>;
  /** Header names that suggest this field: English, Chinese and the exports of other CRMs. */
  aliases?: readonly string[];
  max?: number;
  /** Where a value that is not valid is kept as typed (flagged, with a warning) instead of being dropped: contacts' phones. */
  keepRaw?: string;
}

export type OnMatch = 'update' | 'skip' | 'create';
export type UpdateMode = 'fill' | 'overwrite';

export interface CleanRow {
  rowNumber: number;
  values: Record<string, unknown>;
}

export type Severity = 'warning' | 'error';

export interface RowError {
  rowNumber: number;
  column: string;
  value: string | null;
  reason: string;
  /** A warning is about a cell that was left out or kept as typed; the row itself was imported. Default: error. */
  severity?: Severity;
}

export interface ImportActor {
  id: string | null;
  teamId: string | null;
  /** 'own_team': existing records outside the actor's scope are never matched (a new record is made instead). */
  visibility: 'all' | 'own_team';
}

export interface BatchContext {
  db: Db;
  importId: string;
  actor: ImportActor;
  onMatch: OnMatch;
  updateMode: UpdateMode;
  region: string;
  currency: string;
  /** The bulk marker of this import's per-record events ("import:<id>"). */
  bulk: string;
  /** The event types a subscriber wants per record (read per batch): only these are written, marked with `bulk`. */
  wanted: Set<string>;
}

export interface BatchResult {
  created: number;
  updated: number;
  skipped: number;
  duplicates: number;
  companiesCreated: number;
  errors: RowError[];
}

export interface ImportTarget {
  object: string;
  label: string;
  /** The roles that may import into it from the API, as the object's own write routes allow (default: everyone). */
  roles?: readonly Role[];
  /** Said when another role tries (AppError 'forbidden'). */
  refusal?: string;
  /** The fields, with the custom fields of the object read from the database. */
  fields(db: DbOrTrx): Promise<ImportField[]>;
  /** Checks across fields after each cell was cleaned (a contact needs a name): [{ column, reason }]. */
  checkRow(values: Record<string, unknown>): { column: string; reason: string }[];
  /** The tables it writes and looks up (snake_case), analysed on PostgreSQL as the import grows them. */
  tables?: string[];
  /** Writes one batch inside the import's transaction: bulk inserts, matched updates, search rows, tags. */
  writeBatch(trx: DbOrTrx, ctx: BatchContext, rows: CleanRow[]): Promise<BatchResult>;
}

const targets = new Map<string, ImportTarget>();

export function registerImportTarget(target: ImportTarget): void {
  targets.set(target.object, target);
}

export function importTarget(object: string): ImportTarget | undefined {
  return targets.get(object);
}

export function importObjects(): string[] {
  return [...targets.keys()];
}

export const emptyResult = (): BatchResult => ({ created: 0, updated: 0, skipped: 0, duplicates: 0, companiesCreated: 0, errors: [] });

/** The same rule as the data layer's scope: a record is the actor's when everyone's is, or it is theirs or their team's. */
export function visibleToImporter(actor: ImportActor, row: { ownerId: string | null; teamId: string | null }): boolean {
  return actor.visibility === 'all' || (actor.id !== null && row.ownerId === actor.id) || (actor.teamId !== null && row.teamId === actor.teamId);
}
