// XLSX import benchmark: writes BENCH_XLSX_ROWS contacts (200,000) as an Excel workbook with a shared-strings table,
// as Excel itself writes them, imports it through the real path into a fresh SQLite database, and reports rows/s and
// the peak RSS (exceljs's streaming reader keeps the shared strings in memory). Run: npx tsx bench/import-xlsx-bench.ts
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { openDatabase } from '../src/server/core/db/database.js';
import { migrateToLatest } from '../src/server/core/db/migrate.js';
import { migrationSets } from '../src/server/modules.js';
import { importFileFromCli } from '../src/server/modules/data/index.js';

const rows = Number(process.env.BENCH_XLSX_ROWS ?? 200_000);
const family = ['张', '王', '李', '赵', '刘', '陈', 'Smith', 'Brown', 'Lee', 'Garcia'];
const given = ['伟', '芳', '娜', '敏', '静', 'John', 'Mary', 'Wei', 'Anna', 'Tom'];

async function writeXlsx(file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('Contacts');
  ws.addRow(['姓名', '手机', '邮箱', '公司', '职位']).commit();
  for (let i = 0; i < rows; i++) {
    ws.addRow([`${family[i % 10]}${given[(i * 7) % 10]}`, `139${String(i).padStart(8, '0')}`, `user${i}@xlsx${i % 97}.example.com`, `公司 ${i % Math.max(10, rows / 100)}`, i % 2 ? '经理' : 'Engineer']).commit();
  }
  ws.commit();
  await wb.commit();
}

// The workbook is written by a child process, so the import's memory is measured from a clean baseline.
if (process.env.BENCH_XLSX_WRITE_TO) {
  await writeXlsx(process.env.BENCH_XLSX_WRITE_TO);
  process.exit(0);
}

const dir = mkdtempSync(path.join(tmpdir(), 'rapport-xlsx-bench-'));
try {
  const file = path.join(dir, 'contacts.xlsx');
  const g0 = performance.now();
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!], { env: { ...process.env, BENCH_XLSX_WRITE_TO: file }, stdio: 'inherit' });
  if (child.status !== 0) throw new Error('writing the workbook failed');
  console.log(`# XLSX import bench: ${rows.toLocaleString('en')} rows, ${(statSync(file).size / 2 ** 20).toFixed(1)} MB, written in ${((performance.now() - g0) / 1000).toFixed(1)} s`);
  const db = openDatabase(`sqlite:${path.join(dir, 'import.db')}`);
  await migrateToLatest(db, migrationSets);
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  const p = await importFileFromCli(db, { file, object: 'contacts' }, { log: () => {}, err: () => {} });
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  await db.close();
  if (p.created !== rows) throw new Error(`the import created ${p.created} contacts of ${rows} (failed ${p.failed})`);
  console.log(`import ${rows} contacts from XLSX: ${seconds.toFixed(1)} s, ${Math.round(rows / seconds)} rows/s, peak RSS ${Math.round(peak / 2 ** 20)} MB (${Math.round(base / 2 ** 20)} MB before)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
