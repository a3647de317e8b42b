// The rows an import could not take and the cells it left out, as a CSV (row, column, value, reason, severity) streamed page by page from the database.
// Written by the exports' encoder, so a rejected "=HYPERLINK(…)" cell comes back neutralised, not as a live formula.
import { Readable } from 'node:stream';
import { csvLines } from '../export/csv-encode.js';
import type { DbOrTrx } from '../../../core/db/database.js';
import { reportHeaders, reportReason, reportSeverity, type ReportLang } from './import-messages.js';

/** `lang` zh-CN writes the headers, reasons and severities in Chinese (import-messages.ts). */
export function errorsCsv(db: DbOrTrx, importId: string, lang: ReportLang = 'en'): Readable {
  const line = (r: { rowNumber: number; column: string; value: string | null; reason: string; severity: string }) => [r.rowNumber, r.column, r.value ?? '', reportReason(r.reason, lang), reportSeverity(r.severity, lang)];
  async function* lines() {
    // A BOM so that Excel (also Chinese Excel) opens the UTF-8 file with the right characters.
    yield '\uFEFF' + csvLines([reportHeaders[lang]]);
    let after = 0;
    for (;;) {
      const page = await db.selectFrom('importErrors').select(['rowNumber', 'column', 'value', 'reason', 'severity']).where('importId', '=', importId).where('rowNumber', '>', after).orderBy('rowNumber').limit(5000).execute();
      if (!page.length) return;
      // A row's errors are never split across pages: the last row number of a full page is fetched again whole.
      const last = page[page.length - 1]!.rowNumber;
      const rows = page.length === 5000 ? page.filter((r) => r.rowNumber !== last) : page;
      if (!rows.length) {
        const all = await db.selectFrom('importErrors').select(['rowNumber', 'column', 'value', 'reason', 'severity']).where('importId', '=', importId).where('rowNumber', '=', last).execute();
        yield csvLines(all.map(line));
        after = last;
        continue;
      }
      yield csvLines(rows.map(line));
      after = rows[rows.length - 1]!.rowNumber;
    }
  }
  return Readable.from(lines());
}
