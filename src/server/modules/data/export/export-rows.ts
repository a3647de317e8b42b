// Walks a list view (same filters, search, sort and visibility as GET /contacts or /companies) in big keyset pages.
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { listCompanies, listContacts, listCustomFields } from '../../customers/index.js';
import { resolveColumns, type ExportColumn, type ExportLang, type ExportObject } from './export-columns.js';

/** Rows per list query: big enough that per-page overhead vanishes, small enough to keep memory flat. */
export const exportPageSize = () => Number(process.env.RAPPORT_EXPORT_PAGE ?? 5000);

export type Cell = string | number | boolean | null;

export interface ExportRequest {
  object: ExportObject;
  /** Comma-separated column keys; default: the list's columns plus every custom field. */
  columns?: string;
  /** The language of the header row (default English). */
  lang?: ExportLang;
  /** q, sort and filters exactly as the list takes them (lifecycleStage, tag, cf.<key>, …). */
  params: Record<string, unknown>;
}

export interface OpenedExport {
  columns: ExportColumn[];
  /** Batches of rows of cells, in list order. */
  batches: AsyncGenerator<Cell[][]>;
}

/**
 * Reads the first page before returning, so a bad filter, sort or column is a 422 problem+json before any
 * byte of the file is sent; later pages are read as the consumer pulls.
 */
export async function openExport(db: Db, actor: Actor, req: ExportRequest): Promise<OpenedExport> {
  const customFields = await listCustomFields(db.kysely, req.object === 'contacts' ? 'contact' : 'company');
  const columns = resolveColumns(req.object, req.columns, customFields, req.lang);
  const list = req.object === 'contacts' ? listContacts : listCompanies;
  const params = { ...req.params, limit: exportPageSize(), cursor: undefined };
  const first = await list(db, actor, params);
  const toCells = (records: { id: string }[]) => records.map((r) => columns.map((c) => c.get(r as never)));
  async function* batches(): AsyncGenerator<Cell[][]> {
    let page = first as { data: { id: string }[]; nextCursor: string | null };
    for (;;) {
      yield toCells(page.data);
      if (!page.nextCursor) return;
      page = await list(db, actor, { ...params, cursor: page.nextCursor });
    }
  }
  return { columns, batches: batches() };
}
