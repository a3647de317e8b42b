// Test harness: a real app on a fresh SQLite file or a fresh PostgreSQL schema, chosen by RAPPORT_TEST_DB.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../server.js';
import { configureOutbound } from '../core/net/outbound-policy.js';

export const engine = (process.env.RAPPORT_TEST_DB ?? 'sqlite') as 'sqlite' | 'postgres';
export const PG_URL = process.env.RAPPORT_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const ADMIN = { email: 'admin@example.com', password: 'admin-password-1' };

export interface TestApp {
  app: FastifyInstance;
  admin: Record<string, string>;
  login(email: string, password: string): Promise<Record<string, string>>;
  json<T = any>(method: string, url: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; body: T; headers: Record<string, unknown> }>;
  /** As the admin, POSTs a request that starts a background job, runs the worker until idle, and returns the start
   * answer and the job as it ended (null when nothing was started). */
  runJob(url: string, body?: unknown): Promise<{ started: { status: number; body: any }; job: any }>;
  /** The app's database, for a test that opens a second connection to it (as another process would). */
  databaseUrl: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  withAdmin?: boolean;
  /** RAPPORT_OUTBOUND_ALLOW for this app; tests that deliver to a local receiver allow '127.0.0.1' explicitly. Default: none. */
  outboundAllow?: string;
  /** RAPPORT_IMPORT_DIR for this app; default unset (server files cannot be imported). */
  importDir?: string;
}

export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rapport-test-'));
  let databaseUrl = `sqlite:${path.join(dataDir, 'test.db')}`;
  let dropSchema: (() => Promise<void>) | undefined;
  if (engine === 'postgres') {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect(); // fails loudly when PostgreSQL is down: the PostgreSQL run is never skipped
    await client.query(`create schema ${schema}`);
    await client.end();
    databaseUrl = `${PG_URL}?schema=${schema}`;
    dropSchema = async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    };
  }
  const withAdmin = opts.withAdmin ?? true;
  const app = await createServer({
    databaseUrl,
    dataDir,
    logLevel: 'silent',
    webDir: path.join(dataDir, 'no-web'),
    adminEmail: withAdmin ? ADMIN.email : '',
    adminPassword: withAdmin ? ADMIN.password : '',
    worker: 'manual',
    // Set explicitly, so the shell's environment never loosens the guards under test.
    outboundAllow: opts.outboundAllow ?? '',
    importDir: opts.importDir,
  });

  const json: TestApp['json'] = async (method, url, headers, body) => {
    const res = await app.inject({ method: method as any, url, headers: { ...headers, ...(body !== undefined && { 'content-type': 'application/json' }) }, payload: body === undefined ? undefined : JSON.stringify(body) });
    const parsed = res.body ? (res.headers['content-type']?.toString().includes('json') ? res.json() : res.body) : null;
    return { status: res.statusCode, body: parsed as never, headers: res.headers as Record<string, unknown> };
  };
  const login = async (email: string, password: string) => {
    const res = await json('POST', '/api/v1/auth/login', {}, { email, password });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { authorization: `Bearer ${res.body.token}` };
  };
  const admin = withAdmin ? await login(ADMIN.email, ADMIN.password) : {};
  const runJob: TestApp['runJob'] = async (url, body) => {
    const started = await json('POST', url, admin, body);
    await app.worker.drain();
    const job = started.body?.id ? (await json('GET', `/api/v1/jobs/${started.body.id}`, admin)).body : null;
    return { started, job };
  };
  return {
    app,
    admin,
    login,
    json,
    runJob,
    databaseUrl,
    async close() {
      await app.close();
      // The outbound allow-list is process-wide: the next test file (isolate: false) starts from none, not from ours.
      configureOutbound([]);
      await dropSchema?.();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
