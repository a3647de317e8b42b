// Export and backup benchmarks: streaming CSV/XLSX export of every contact over HTTP (rows/s), and an online
// backup plus a verified restore. Run alone with `npx tsx bench/export-backup.ts` (BENCH_EXPORT_CONTACTS, default
// 1,000,000; BENCH_EXPORT_XLSX=0 skips the XLSX run) or from bench/run.ts on its data set.
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createServer } from '../src/server/server.js';
import type { Db } from '../src/server/core/db/database.js';
import { createBackup, restoreBackup } from '../src/server/modules/data/index.js';
import { migrateToLatest } from '../src/server/core/db/migrate.js';
import { migrationSets } from '../src/server/modules.js';
import { ADMIN, prepareData } from './prepare-data.js';

export interface ExportBackupResult {
  name: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  bytes: number;
  note?: string;
}

/** Streams one export over real HTTP and counts its lines without keeping the body. */
async function timeExport(base: string, auth: Record<string, string>, url: string): Promise<{ rows: number; seconds: number; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(base + url, { headers: auth });
  if (!res.ok || !res.body) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
  }
  return { rows: lines - 1, seconds: (performance.now() - t0) / 1000, bytes };
}

export async function runExportBackupBench(o: { base: string; admin: Record<string, string>; db: Db; databaseUrl: string; dataDir: string; contacts: number; xlsx?: boolean }): Promise<ExportBackupResult[]> {
  const out: ExportBackupResult[] = [];
  const report = (r: Omit<ExportBackupResult, 'rowsPerSecond'>) => {
    const full = { ...r, rowsPerSecond: Math.round(r.rows / r.seconds) };
    out.push(full);
    console.log(`${r.name.padEnd(44)} ${String(r.rows).padStart(9)} rows  ${r.seconds.toFixed(1).padStart(6)} s  ${String(full.rowsPerSecond).padStart(8)} rows/s  ${(r.bytes / 2 ** 20).toFixed(0).padStart(5)} MB${r.note ? '  ' + r.note : ''}`);
  };
  report({ name: 'export CSV, all contacts, default columns', ...(await timeExport(o.base, o.admin, '/api/v1/contacts/export?format=csv')) });
  report({ name: 'export CSV, customers sorted by name', ...(await timeExport(o.base, o.admin, '/api/v1/contacts/export?format=csv&lifecycleStage=customer&sort=displayName&columns=displayName,emails,phones,companyName,ownerName,tags')) });
  if (o.xlsx !== false) {
    const t0 = performance.now();
    const res = await fetch(o.base + '/api/v1/contacts/export?format=xlsx', { headers: o.admin });
    const bytes = (await res.arrayBuffer()).byteLength;
    report({ name: 'export XLSX, all contacts, default columns', rows: Math.min(o.contacts, 1_048_575), seconds: (performance.now() - t0) / 1000, bytes, note: 'rows = contacts (not re-counted)' });
  }
  const dir = path.join(o.dataDir, 'bench-backups');
  const m = await createBackup(o.db, o.databaseUrl, dir);
  report({ name: `backup (${m.format}) + fingerprint`, rows: m.fingerprint.totalRows, seconds: m.seconds, bytes: m.bytes });
  if (o.db.engine === 'sqlite') {
    const target = path.join(dir, 'restored.db');
    rmSync(target, { force: true });
    const r = await restoreBackup(`sqlite:${target}`, path.join(dir, m.file), { migrate: (db) => migrateToLatest(db, migrationSets) });
    report({ name: 'restore into a new file + verification', rows: r.fingerprint.totalRows, seconds: r.seconds, bytes: m.bytes, note: r.mismatches.length ? `MISMATCH ${r.mismatches.join(',')}` : 'verified: every table matches' });
  }
  rmSync(dir, { recursive: true, force: true });
  return out;
}

async function main() {
  const contacts = Number(process.env.BENCH_EXPORT_CONTACTS ?? 1_000_000);
  const dataDir = path.resolve(process.env.BENCH_DIR ?? path.join(tmpdir(), `rapport-bench-${contacts}`));
  console.log(`# Rapport export/backup bench: ${contacts.toLocaleString('en')} contacts in ${dataDir}`);
  const data = await prepareData(dataDir, contacts, process.env.BENCH_DATABASE_URL);
  if (data.seedSeconds !== null) console.log(`seeded in ${data.seedSeconds.toFixed(1)} s`);
  const app = await createServer({ databaseUrl: data.databaseUrl, dataDir, logLevel: 'warn', webDir: path.join(dataDir, 'no-web'), adminEmail: ADMIN.email, adminPassword: ADMIN.password, worker: false });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  const admin = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
  await runExportBackupBench({ base, admin, db: (app as unknown as { db: Db }).db, databaseUrl: data.databaseUrl, dataDir, contacts, xlsx: process.env.BENCH_EXPORT_XLSX !== '0' });
  await app.close();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
