// The rapport command as a user runs it: migrate, and audit verify on an intact and on a tampered log.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { engine } from './test/test-app.js';

const run = promisify(execFile);
const bin = path.join(import.meta.dirname, '../../bin/rapport.mjs');
const dir = mkdtempSync(path.join(tmpdir(), 'rapport-cli-'));
const env = { ...process.env, DATABASE_URL: `sqlite:${path.join(dir, 'cli.db')}`, RAPPORT_DATA_DIR: dir };
const rapport = (...args: string[]) => run('node', [bin, ...args], { env });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The CLI is the same code on both engines; it is exercised once, on SQLite.
describe.runIf(engine === 'sqlite')('rapport CLI', () => {
  it('migrates, seeds a synthetic set, verifies the audit chain and reports tampering', async () => {
    expect((await rapport('migrate')).stdout).toMatch(/up to date|applied/);
    expect((await rapport('seed', '--contacts', '500')).stdout).toMatch(/inserted 500 contacts/);
    const db = new Database(path.join(dir, 'cli.db'));
    const entry = (n: number) => db.prepare(`insert into audit_log (at, actor_id, action, entity, entity_id, before, after, prev_hash, hash) values (?, null, 'create', 'contact', ?, null, '{}', ?, ?)`).run(new Date().toISOString(), `c${n}`, '0'.repeat(64), 'f'.repeat(64));
    expect((await rapport('audit', 'verify')).stdout).toContain('audit log intact: 0 entries');
    entry(1);
    const broken = await rapport('audit', 'verify').then(() => null, (e: { code: number; stderr: string }) => e);
    db.close();
    expect(broken?.code).toBe(1);
    expect(broken?.stderr).toContain('audit log BROKEN at entry #1');
  }, 60_000);
});
