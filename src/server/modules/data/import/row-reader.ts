// Streams an uploaded file as rows of text cells (CSV through csv-parse, XLSX through exceljs's streaming reader),
// so memory stays flat whatever the file's size. The first row yielded is the header row.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import type { FileFormat } from './file-format.js';

export interface FileRow {
  /** The row's number as the user sees it in the file (the header is row 1). */
  rowNumber: number;
  cells: string[];
}

export interface RowReader {
  rows: AsyncIterable<FileRow>;
  /** Bytes of the file read so far (read ahead of the rows by a buffer or so), for a progress bar. */
  bytesRead(): number;
  bytesTotal: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A spreadsheet cell as the text a user typed: dates as YYYY-MM-DD (or ISO with time), formulas by result. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const date = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
    return v.getUTCHours() || v.getUTCMinutes() || v.getUTCSeconds() ? v.toISOString() : date;
  }
  if (typeof v === 'object') {
    const o = v as { result?: unknown; text?: unknown; richText?: { text: string }[]; error?: string };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
    if (o.error) return '';
    return '';
  }
  return String(v);
}

const isEmpty = (cells: string[]) => cells.every((c) => c.trim() === '');

async function* csvRows(file: string, fmt: FileFormat, counter: { bytes: number }): AsyncGenerator<FileRow> {
  const input = createReadStream(file, { highWaterMark: 256 * 1024 });
  input.on('data', (chunk) => (counter.bytes += chunk.length));
  const parser = parse({ delimiter: fmt.delimiter || ',', bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true });
  input.on('error', (e: Error) => parser.destroy(e));
  if (fmt.encoding === 'utf8') input.pipe(parser);
  else input.pipe(iconv.decodeStream(fmt.encoding)).pipe(parser);
  let n = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      n++;
      if (n > 1 && isEmpty(record)) continue;
      yield { rowNumber: n, cells: record };
    }
  } finally {
    input.destroy();
  }
}

async function* xlsxRows(file: string, counter: { bytes: number }): AsyncGenerator<FileRow> {
  // A stream rather than the path, so the compressed bytes read so far can drive the progress bar.
  const input = createReadStream(file, { highWaterMark: 256 * 1024 });
  input.on('data', (chunk) => (counter.bytes += chunk.length));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = (row.values as unknown[]) ?? [];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        if (isEmpty(cells)) continue;
        yield { rowNumber: row.number, cells };
      }
      return; // only the first worksheet is imported
    }
  } finally {
    input.destroy();
  }
}

export async function openRows(file: string, fmt: FileFormat): Promise<RowReader> {
  const bytesTotal = (await stat(file)).size;
  const counter = { bytes: 0 };
  const rows = fmt.format === 'xlsx' ? xlsxRows(file, counter) : csvRows(file, fmt, counter);
  return { rows, bytesRead: () => Math.min(counter.bytes, bytesTotal), bytesTotal };
}

/** The header row (trimmed) and up to `limit` data rows: for the upload answer and the preview. */
export async function readHead(file: string, fmt: FileFormat, limit: number): Promise<{ headers: string[]; rows: FileRow[] }> {
  const { rows } = await openRows(file, fmt);
  let headers: string[] | null = null;
  const out: FileRow[] = [];
  for await (const r of rows) {
    if (!headers) headers = r.cells.map((h) => h.replace(/^\uFEFF/, '').trim());
    else out.push(r);
    if (out.length >= limit) break;
  }
  return { headers: headers ?? [], rows: out };
}
