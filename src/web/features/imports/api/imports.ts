// Imports: upload a file (raw body), fields per object, preview, start, follow progress, recent imports.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { apiErrorFromResponse } from '../../../lib/api-error';
import { currentLocale } from '../../../lib/i18n';

export const IMPORT_OBJECTS = ['contacts', 'companies', 'interactions', 'products'] as const;
export type ImportStatus = 'uploaded' | 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
export type Mapping = Record<string, string | null>;

export interface ImportProgress {
  rowsDone: number;
  created: number;
  updated: number;
  skipped: number;
  duplicates: number;
  failed: number;
  /** Rows imported with a cell left out or kept as typed. */
  warnings: number;
  companiesCreated: number;
  rowsPerSecond: number;
  percent: number;
}

export interface ImportRecord {
  id: string;
  object: string;
  status: ImportStatus;
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding: string;
  delimiter: string;
  headers: string[];
  mapping: Mapping;
  mappingSource: 'suggested' | 'saved' | 'chosen';
  onMatch: 'update' | 'skip' | 'create';
  updateMode: 'fill' | 'overwrite';
  region: string | null;
  strict: boolean;
  /** Columns of the file mapped to nothing: never dropped silently. */
  ignoredColumns: string[];
  jobId: string | null;
  progress: ImportProgress;
  error: string | null;
  createdAt: string;
}

export interface ImportField {
  key: string;
  label: string;
  type: string;
  multiple: boolean;
  options: string[] | null;
}

export interface PreviewRow {
  rowNumber: number;
  values: Record<string, unknown>;
  errors: { column: string; value: string | null; reason: string; severity: 'warning' | 'error' }[];
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

export interface ImportChoices {
  /** The file's default region; a row's own country column wins. Unset: the organisation's. */
  region?: string;
  strict: boolean;
}

const ACTIVE: ImportStatus[] = ['queued', 'running'];

export function useImports() {
  return useQuery({
    queryKey: ['imports', 'list'],
    queryFn: ({ signal }) => api.get<{ data: ImportRecord[] }>('/imports', { limit: 20 }, signal),
  });
}

export function useImport(id: string) {
  return useQuery({
    queryKey: ['imports', 'one', id],
    queryFn: ({ signal }) => api.get<ImportRecord>(`/imports/${encodeURIComponent(id)}`, undefined, signal),
    refetchInterval: (q) => (q.state.data && ACTIVE.includes(q.state.data.status) ? 1000 : false),
  });
}

export function useImportFields(object: string) {
  return useQuery({
    queryKey: ['imports', 'fields', object],
    queryFn: ({ signal }) => api.get<{ data: ImportField[] }>('/imports/fields', { object }, signal),
    staleTime: 60_000,
  });
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ACCEPTED = ['text/csv', 'text/plain', 'text/tab-separated-values', 'application/csv', 'application/vnd.ms-excel', XLSX];

// The server tells CSV from XLSX by the content type; browsers label .csv variously (Windows: vnd.ms-excel) or not at all.
function contentType(file: File): string {
  if (/\.xlsx$/i.test(file.name)) return XLSX;
  return ACCEPTED.includes(file.type) ? file.type : 'text/csv';
}

export function useUploadImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ object, file }: { object: string; file: File }) => {
      const qs = new URLSearchParams({ object, fileName: file.name });
      const res = await fetch(`/api/v1/imports?${qs}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': contentType(file), Accept: 'application/json, application/problem+json', 'Accept-Language': currentLocale() },
        body: file,
      });
      if (!res.ok) throw await apiErrorFromResponse(res);
      return (await res.json()) as ImportRecord;
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['imports', 'list'] }),
  });
}

export function usePreviewImport(id: string) {
  return useMutation({
    mutationFn: ({ mapping, region, strict }: { mapping: Mapping } & ImportChoices) => api.post<{ mapping: Mapping; rows: PreviewRow[]; summary: PreviewSummary }>(`/imports/${id}/preview`, { mapping, limit: 20, region, strict }),
  });
}

export function useStartImport(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { mapping: Mapping; onMatch: string; updateMode: string } & ImportChoices) => api.post<ImportRecord>(`/imports/${id}/start`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['imports'] }),
  });
}

export function useCancelImport(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<ImportRecord>(`/imports/${id}/cancel`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['imports'] }),
  });
}

/** "Keep as a new custom field": a text custom field named after the column (admins only, like Settings). */
export function useKeepColumnAsField(object: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { key: string; label: string }) => api.post<{ key: string }>('/custom-fields', { object: object === 'companies' ? 'company' : 'contact', type: 'text', ...body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['imports', 'fields', object] }),
  });
}

/** A custom field key for a column: "Favorite Color" -> favorite_color; a header with no Latin letters (备注) -> col_<hash>. */
export function fieldKeyFor(header: string): string {
  const slug = header.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^[^a-z]+|_+$/g, '').slice(0, 40);
  if (slug.length >= 2) return slug;
  let h = 0;
  for (const ch of header) h = (Math.imul(h, 31) + ch.codePointAt(0)!) >>> 0;
  return `col_${h.toString(16).padStart(8, '0').slice(0, 8)}`;
}
