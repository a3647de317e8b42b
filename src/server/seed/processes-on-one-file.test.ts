// Several processes writing one SQLite file at once, as real processes: `rapport serve` (with its worker) taking API
// writes, `rapport worker`, `rapport import`, and a demo seed that is killed half-way and then run again.
// None may fail on the lock, log "database is locked", or lose a row; the killed seed leaves nothing behind.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { engine } from '../test/test-app.js';

const root = path.join(import.meta.dirname, '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'rapport-processes-'));
const file = path.join(dir, 'shared.db');
const env = {
  ...process.env,
  DATABASE_URL: `sqlite:${file}`,
  RAPPORT_DATA_DIR: dir,
  RAPPORT_ADMIN_EMAIL: 'admin@example.com',
  RAPPORT_ADMIN_PASSWORD: 'admin-password-1',
  RAPPORT_OUTBOX_LAG_MS: '300',
  RAPPORT_IMPORT_BATCH: '200', // many short import transactions, interleaving with everyone else's
  LOG_LEVEL: 'warn',
};

interface Proc {
  output: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill: () => void;
}
const started: Proc[] = [];
let busy = true; // API writes go on while this is set
function run(args: string[], extraEnv: Record<string, string> = {}): Proc {
  const child = spawn('node', args, { cwd: root, env: { ...env, ...extraEnv } });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const proc = { output: () => out, exit, kill: () => child.kill('SIGTERM') };
  started.push(proc);
  return proc;
}
const rapport = (...args: string[]) => run(['bin/rapport.mjs', ...args]);
const smallDemo = (crashAt?: string) => run(['--import', 'tsx', 'src/server/seed/small-demo.fixture.ts'], crashAt ? { CRASH_AT: crashAt } : {});

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
const until = async (what: string | (() => string), ok: () => Promise<boolean> | boolean, ms = 30_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (await Promise.resolve().then(ok).catch(() => false)) return;
  throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
};
const query = <T>(sqlText: string): T => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sqlText).get() as T;
  } finally {
    db.close();
  }
};
const count = (sqlText: string) => query<{ n: number }>(sqlText).n;

afterAll(async () => {
  busy = false;
  for (const p of started) p.kill();
  await Promise.all(started.map((p) => p.exit));
  rmSync(dir, { recursive: true, force: true });
});

describe.runIf(engine === 'sqlite')('processes sharing one SQLite file', () => {
  it('server, worker, import and seeds write at once: no lock errors, nothing lost, a killed seed leaves nothing', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = rapport('serve', '--port', String(port));
    await until('the server', async () => (await fetch(`${base}/healthz`)).ok);
    const worker = rapport('worker');
    await until('the worker', () => worker.output().includes('rapport worker running'));

    const csv = path.join(dir, 'people.csv');
    const rows = Array.from({ length: 2000 }, (_, i) => `Person${i},Import,person${i}@import.test,+86 139${String(i).padStart(8, '0')}`);
    writeFileSync(csv, `First Name,Last Name,Email,Mobile Phone\n${rows.join('\n')}\n`);
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: env.RAPPORT_ADMIN_EMAIL, password: env.RAPPORT_ADMIN_PASSWORD }) });
    const auth = { authorization: `Bearer ${((await login.json()) as { token: string }).token}`, 'content-type': 'application/json' };

    // API writes keep coming until the seeds and the import are done, so every one of them overlaps with them.
    const acknowledged: string[] = [];
    const apiWrites = (async () => {
      for (let i = 0; busy || i < 40; i++) {
        const res = await fetch(`${base}/api/v1/contacts`, { method: 'POST', headers: auth, body: JSON.stringify({ displayName: `API ${i}` }) });
        expect(res.status).toBe(201);
        acknowledged.push(((await res.json()) as { id: string }).id);
      }
    })();
    apiWrites.catch(() => {}); // awaited below; a failure elsewhere must not leave it unhandled
    const importing = rapport('import', csv, '--object', 'contacts');
    const seeding = (async () => {
      const crashed = await smallDemo('contacts:').exit; // killed inside its transaction, after companies and contacts
      expect(crashed.signal).toBe('SIGKILL');
      expect(count("select count(*) n from users where email like '%@demo.rapport.dev'")).toBe(0);
      expect(count("select count(*) n from companies")).toBe(0);
      const again = smallDemo();
      expect(await again.exit).toEqual({ code: 0, signal: null });
      expect(again.output()).toContain('30 companies, 300 contacts');
    })();
    expect(await importing.exit).toEqual({ code: 0, signal: null });
    expect(importing.output()).toMatch(/2000 created, 0 updated, 0 skipped, 0 duplicates in the file merged, 0 failed/);
    await seeding;
    busy = false;
    await apiWrites;

    // Every acknowledged write, every imported and every seeded row is there, once.
    const ids = new Set(acknowledged);
    expect(ids.size).toBe(acknowledged.length);
    expect(count("select count(*) n from contacts where display_name like 'API %'")).toBe(ids.size);
    const db = new Database(file, { readonly: true });
    const found = db.prepare(`select count(*) n from contacts where id in (${acknowledged.map(() => '?').join(',')})`).get(...acknowledged) as { n: number };
    db.close();
    expect(found.n).toBe(ids.size);
    expect(count("select count(*) n from contacts where emails like '%@import.test%'")).toBe(2000);
    expect(count('select count(*) n from contacts')).toBe(300 + 36 + 2000 + ids.size); // the demo's 36 inbound leads are contacts too
    expect(count("select count(*) n from users where email like '%@demo.rapport.dev'")).toBe(13);

    // The workers (the server's and the separate one) get through every event without a failed round.
    await until(() => `the outbox consumers (behind: ${JSON.stringify(query("select group_concat(consumer || ' at ' || last_id, ', ') behind, (select max(id) from outbox) last from outbox_cursors where last_id < (select max(id) from outbox)"))})`, () => {
      const r = query<{ behind: number; last: string }>('select count(*) behind, (select max(id) from outbox) last from outbox_cursors where last_id < (select max(id) from outbox)');
      return r.behind === 0 && r.last !== null;
    });
    server.kill();
    worker.kill();
    expect(await server.exit).toEqual({ code: 0, signal: null });
    expect(await worker.exit).toEqual({ code: 0, signal: null });
    for (const p of started) expect(p.output()).not.toMatch(/SQLITE_BUSY|database is locked|background job failed|"level":50/);
    const audit = rapport('audit', 'verify');
    expect(await audit.exit).toEqual({ code: 0, signal: null });
  }, 240_000); // four processes on two cores, beside other test files running in parallel
});
