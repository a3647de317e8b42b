// Tables of imports: each uploaded file and its progress, the rows that failed, saved column mappings, schedules.
export interface ImportsTable {
  id: string;
  object: string;
  status: 'uploaded' | 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  fileName: string;
  filePath: string;
  format: 'csv' | 'xlsx';
  encoding: string;
  delimiter: string;
  headers: string; // JSON array
  mapping: string | null; // JSON object header -> field
  mappingSource: 'suggested' | 'saved' | 'chosen';
  options: string; // JSON { onMatch, updateMode }
  jobId: string | null;
  scheduleId: string | null;
  rowsDone: number; // the checkpoint: data rows consumed and committed, written with the rows themselves
  created: number;
  updated: number;
  skipped: number;
  duplicates: number; // rows merged into an earlier row of the same batch
  failed: number;
  warnings: number; // rows imported with a cell left out or kept as typed
  companiesCreated: number;
  bytesTotal: number;
  bytesDone: number;
  error: string | null;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ImportErrorsTable {
  importId: string;
  rowNumber: number;
  column: string;
  value: string | null;
  reason: string;
  severity: 'warning' | 'error';
}

export interface ImportMappingsTable {
  object: string;
  headerKey: string;
  mapping: string;
  updatedAt: string;
}

/** Keys (email/phone/external id) of records an import created, so "create new" still merges a file's own duplicates. */
export interface ImportKeysTable {
  importId: string;
  key: string;
  entityId: string;
}

/** The records an import created or changed, written with its rows: "contacts from import X". */
export interface ImportRecordsTable {
  importId: string;
  entity: string;
  entityId: string;
}

export interface ImportTables {
  imports: ImportsTable;
  importErrors: ImportErrorsTable;
  importMappings: ImportMappingsTable;
  importKeys: ImportKeysTable;
  importRecords: ImportRecordsTable;
}
