// The `rapport` command: serve, migrate, seed, audit verify.
import { Command } from 'commander';
import { loadConfig } from './core/config.js';
import { openDatabase } from './core/db/database.js';
import { migrateToLatest } from './core/db/migrate.js';
import { verifyAudit } from './core/audit/verify-audit.js';
import { migrationSets } from './modules.js';
import { createServer } from './server.js';

async function withDb<T>(fn: (db: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(db, migrationSets);
    return await fn(db);
  } finally {
    await db.close();
  }
}

export async function main(argv: string[]): Promise<void> {
  const program = new Command('rapport').description('Rapport, the self-hosted CRM').showHelpAfterError();

  program
    .command('serve')
    .description('serve the API and the web app (migrates the database first)')
    .option('-p, --port <port>', 'port to listen on (default $PORT or 3000)')
    .option('--no-worker', 'do not run background work here (run `rapport worker` beside it)')
    .action(async (opts: { port?: string; worker: boolean }) => {
      const app = await createServer({ ...(opts.port ? { port: Number(opts.port) } : {}), worker: opts.worker });
      const config = loadConfig();
      const port = opts.port ? Number(opts.port) : config.port;
      await app.listen({ port, host: config.host });
      for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void app.close().then(() => process.exit(0)));
    });

  program
    .command('worker')
    .description('run background work only (webhook deliveries, and the jobs later modules add)')
    .action(async () => {
      const { startWorker } = await import('./core/jobs/worker.js');
      const config = loadConfig();
      const db = openDatabase(config.databaseUrl);
      await migrateToLatest(db, migrationSets);
      const worker = startWorker(db, { error: (obj, msg) => console.error(msg, obj) });
      console.log('rapport worker running');
      for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void worker.stop().then(() => db.close()).then(() => process.exit(0)));
    });

  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(async () => {
      const applied = await withDb(async () => []);
      console.log(applied.length ? `applied ${applied.length} migration(s)` : 'database is up to date');
    });

  program
    .command('seed')
    .description('fill the database with demo or synthetic data')
    .option('--demo', 'a realistic bilingual demo: ~2,000 contacts, 300 companies, interactions and tasks')
    .option('--contacts <n>', 'a large synthetic data set of n contacts, for benchmarks')
    .action(async (opts: { demo?: boolean; contacts?: string }) => {
      if (!opts.demo && !opts.contacts) throw new Error('say --demo or --contacts N');
      await withDb(async (db) => {
        if (opts.demo) {
          const { seedDemo } = await import('./seed/seed-demo.js');
          console.log(await seedDemo(db));
        }
        if (opts.contacts) {
          const { seedSynthetic } = await import('./seed/seed-synthetic.js');
          const started = Date.now();
          const n = await seedSynthetic(db, Number(opts.contacts));
          console.log(`inserted ${n} contacts in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        }
      });
    });

  program
    .command('export')
    .description('export contacts or companies (a list view: filters, q, sort, columns) to a CSV or XLSX file')
    .requiredOption('--object <object>', 'contacts or companies')
    .option('--format <format>', 'csv or xlsx', 'csv')
    .requiredOption('--out <file>', 'file to write')
    .option('--columns <keys>', 'comma-separated columns, e.g. displayName,emails,companyName,cf.vip_level')
    .option('--filter <key=value...>', 'list filters, q and sort, e.g. --filter lifecycleStage=customer --filter q=张')
    .action(async (opts: { object: string; format: string; out: string; columns?: string; filter?: string[] }) => {
      if (!['contacts', 'companies'].includes(opts.object)) throw new Error('--object is contacts or companies');
      if (!['csv', 'xlsx'].includes(opts.format)) throw new Error('--format is csv or xlsx');
      const { exportToFile } = await import('./modules/data/index.js');
      const r = await withDb((db) => exportToFile(db, { object: opts.object as 'contacts', format: opts.format as 'csv', out: opts.out, columns: opts.columns, filters: opts.filter })).catch((e: Error & { errors?: { path: string; message: string }[] }) => {
        if (!e.errors) throw e;
        console.error(`${e.message}${e.errors.map((x) => `\n  ${x.path}: ${x.message}`).join('')}`);
        process.exitCode = 1;
        return null;
      });
      if (r) console.log(`exported ${r.rows} ${opts.object} to ${opts.out} in ${r.seconds.toFixed(1)} s (${Math.round(r.rows / Math.max(r.seconds, 0.001))} rows/s)`);
    });

  program
    .command('import <file>')
    .description('import a CSV or XLSX file (contacts, companies or interactions); prints the mapping it suggests from the headers')
    .option('--object <object>', 'contacts, companies or interactions', 'contacts')
    .option('--mapping <file>', 'JSON file of {"Column header": "field"}; without it the suggested (or saved) mapping is used')
    .option('--on-match <what>', 'what an existing match gets: update, skip or create', 'update')
    .option('--update-mode <mode>', 'for --on-match update: fill (empty fields only) or overwrite', 'fill')
    .option('--errors <file>', 'where to write the rows that failed and the warnings (default: FILE-errors.csv beside the file)')
    .option('--region <code>', "the file's default region for phones and dates, e.g. US (a row's own country column wins)")
    .option('--strict', 'a row with one bad cell is not imported (default: imported without that cell, with a warning)')
    .option('--create-fields', 'keep every unmapped column as a new text custom field')
    .action(async (file: string, opts: { object: string; mapping?: string; onMatch: string; updateMode: string; errors?: string; region?: string; strict?: boolean; createFields?: boolean }) => {
      const { importFileFromCli } = await import('./modules/data/index.js');
      await withDb((db) => importFileFromCli(db, { file, ...opts }, { log: (s) => console.log(s), err: (s) => console.error(s) })).catch((e: Error & { errors?: { path: string; message: string }[] }) => {
        if (!e.errors) throw e;
        console.error(`${e.message}${e.errors.map((x) => `\n  ${x.path}: ${x.message}`).join('')}`);
        process.exitCode = 1;
      });
    });

  program
    .command('backup')
    .description('a consistent online backup (SQLite backup API; pg_dump, or a logical dump without it) with a verification fingerprint')
    .option('--out <dir>', 'directory for the backup (default <dataDir>/backups)')
    .option('--keep <n>', 'afterwards keep only the newest n backups in that directory')
    .action(async (opts: { out?: string; keep?: string }) => {
      const { createBackup, pruneBackups } = await import('./modules/data/index.js');
      const config = loadConfig();
      const dir = opts.out ?? `${config.dataDir}/backups`;
      const m = await withDb((db) => createBackup(db, config.databaseUrl, dir));
      console.log(`backup ${dir}/${m.file} (${m.format}, ${(m.bytes / 2 ** 20).toFixed(1)} MB, ${m.fingerprint.totalRows} rows in ${Object.keys(m.fingerprint.tables).length} tables) in ${m.seconds.toFixed(1)} s`);
      if (opts.keep) for (const f of pruneBackups(dir, Number(opts.keep))) console.log(`removed old backup ${f}`);
    });

  program
    .command('restore <file>')
    .description('restore a backup into an empty database (or over one with --force) and verify it matches the backup')
    .option('--force', 'replace a database that holds data')
    .action(async (file: string, opts: { force?: boolean }) => {
      const { restoreBackup } = await import('./modules/data/index.js');
      const config = loadConfig();
      const r = await restoreBackup(config.databaseUrl, file, { force: opts.force, migrate: (db) => migrateToLatest(db, migrationSets) }).catch((e: Error) => {
        console.error(`restore failed: ${e.message}`);
        process.exitCode = 1;
        return null;
      });
      if (!r) return;
      const tables = Object.keys(r.manifest.fingerprint.tables).length;
      if (r.mismatches.length === 0) {
        console.log(`restored ${file} in ${r.seconds.toFixed(1)} s`);
        console.log(`verified: ${tables} tables, ${r.fingerprint.totalRows} rows, per-table row counts and content checksums match the backup`);
        await withDb(async () => {}); // brings a backup from an older version up to the current schema
      } else {
        console.error(`restore NOT verified: ${r.mismatches.length} table(s) differ from the backup: ${r.mismatches.join(', ')}`);
        process.exitCode = 1;
      }
    });

  for (const [name, jobType, description] of [
    ['dedup', 'dedup', 'find duplicate contacts over the whole database (the dedup job); the pairs go to GET /api/v1/duplicates'],
    ['households', 'households', 'group contacts into households again (shared address + family name, or home phone)'],
  ] as const) {
    program
      .command(name)
      .description(description)
      .option('--auto-merge', 'dedup: also merge pairs above the auto-merge threshold (default: the admin setting)')
      .action(async (opts: { autoMerge?: boolean }) => {
        const { enqueueJob, getJob, runNextJob } = await import('./core/jobs/job-queue.js');
        await withDb(async (db) => {
          const started = Date.now();
          const job = await enqueueJob(db, jobType, opts.autoMerge ? { autoMerge: true } : {}, null);
          // Runs queued jobs here until ours is finished (a separate worker may take it first: then this waits for it).
          for (;;) {
            const current = (await getJob(db, job.id))!;
            if (['done', 'failed', 'cancelled'].includes(current.status)) {
              console.log(`${name} job ${job.id} ${current.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
              console.log(JSON.stringify(current.status === 'done' ? current.result : current.error, null, 2));
              if (current.status !== 'done') process.exitCode = 1;
              return;
            }
            if ((await runNextJob(db)) === 0) await new Promise((r) => setTimeout(r, 500));
          }
        });
      });
  }

  const audit = program.command('audit').description('the tamper-evident audit log');
  audit
    .command('verify')
    .description('check the hash chain and report the first broken entry')
    .action(async () => {
      const result = await withDb((db) => verifyAudit(db.kysely));
      if (result.ok) console.log(`audit log intact: ${result.checked} entries checked`);
      else {
        console.error(`audit log BROKEN at entry #${result.firstBrokenSeq}: ${result.reason} (${result.checked} entries before it are intact)`);
        process.exitCode = 1;
      }
    });

  const intelligence = program.command('intelligence').description('sentiment and the other models of the intelligence module');
  intelligence
    .command('train-sentiment')
    .description('train the sentiment classifier from shared/datasets/sentiment plus the corrections agents made in this database, and write the model')
    .option('--data <dir>', 'folder of the labelled sets (default $RAPPORT_SENTIMENT_DATA or ../shared/datasets/sentiment)')
    .option('--out <file>', 'model file to write (default: the model shipped in the source tree)')
    .option('--no-db', 'leave out the corrections in the database (the model that ships with Rapport)')
    .action(async (opts: { data?: string; out?: string; db: boolean }) => {
      const { runSentimentTraining } = await import('./modules/intelligence/index.js');
      const run = (db?: ReturnType<typeof openDatabase>) => runSentimentTraining({ db, dataDir: opts.data, out: opts.out, log: (s) => console.log(s) });
      const r = opts.db ? await withDb((db) => run(db)) : await run();
      console.log(`held-out accuracy: Chinese ${(r.accuracy.zh * 100).toFixed(1)} % of ${r.accuracy.zhRows}, English ${(r.accuracy.en * 100).toFixed(1)} % of ${r.accuracy.enRows}; ${r.features} features, ${r.corrections} corrections, ${r.seconds.toFixed(0)} s`);
    });

  await program.parseAsync(argv, { from: 'user' });
}
