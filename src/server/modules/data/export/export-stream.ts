// Turns an opened export into a byte stream: CSV (UTF-8 with BOM, so Excel shows Chinese) or XLSX (streamed workbook).
import { PassThrough, type Readable } from 'node:stream';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import type { OpenedExport } from './export-rows.js';
import { csvLines } from './csv-encode.js';
import { spreadsheetText } from '../../../core/spreadsheet-cell.js';

export type ExportFormat = 'csv' | 'xlsx';
export const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A worksheet holds at most 1,048,576 rows, the header included. */
export const XLSX_MAX_ROWS = 1_048_575;

export interface ExportStream {
  stream: Readable;
  /** Resolves with the number of data rows written once the file is complete. */
  done: Promise<number>;
}

export function exportStream(opened: OpenedExport, format: ExportFormat, sheetName = 'Export'): ExportStream {
  return format === 'csv' ? csvStream(opened) : xlsxStream(opened, sheetName);
}

/** Runs `write` into a fresh stream; a failure part-way destroys the stream, so the reader sees the error too. */
function streamed(write: (out: PassThrough) => Promise<number>): ExportStream {
  const out = new PassThrough();
  const done = write(out).catch((err: unknown) => {
    out.destroy(err as Error);
    throw err;
  });
  done.catch(() => {});
  return { stream: out, done };
}

function csvStream(opened: OpenedExport): ExportStream {
  return streamed(async (out) => {
    let n = 0;
    // The BOM makes Excel read the file as UTF-8, so Chinese names open correctly.
    out.write('\uFEFF' + csvLines([opened.columns.map((c) => c.header)]));
    for await (const batch of opened.batches) {
      if (!out.write(csvLines(batch))) await once(out, 'drain');
      n += batch.length;
    }
    out.end();
    return n;
  });
}

function xlsxStream(opened: OpenedExport, sheetName: string): ExportStream {
  return streamed(async (out) => {
    // Inline strings and no styles: shared strings would hold every distinct value in memory until the end.
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
    const sheet = wb.addWorksheet(sheetName);
    sheet.columns = opened.columns.map((c) => ({ header: spreadsheetText(c.header), key: c.key, width: Math.max(12, c.header.length + 2) }));
    let n = 0;
    outer: for await (const batch of opened.batches) {
      for (const row of batch) {
        if (n >= XLSX_MAX_ROWS) break outer;
        // Text cells only: numbers stay numeric cells, which no spreadsheet evaluates.
        sheet.addRow(row.map((v) => (typeof v === 'string' ? spreadsheetText(v) : v))).commit();
        n++;
      }
      if (out.writableNeedDrain) await once(out, 'drain');
    }
    sheet.commit();
    await wb.commit();
    return n;
  });
}

/** e.g. contacts-20261125-0930.csv */
export function exportFilename(object: string, format: ExportFormat, at = new Date()): string {
  const stamp = at.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `${object}-${stamp}.${format}`;
}
