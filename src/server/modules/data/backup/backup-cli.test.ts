// `rapport backup` and `rapport restore` as a user runs them: a backup, a refused restore over data, a verified
// restore into a new file and over the old one with --force.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { engine } from '../../../test/test-app.js';

const run = promisify(execFile);
const bin = path.join(import.meta.dirname, '../../../../../bin/rapport.mjs');
const dir = mkdtempSync(path.join(tmpdir(), 'rapport-backup-cli-'));
const env = { ...process.env, DATABASE_URL: `sqlite:${path.join(dir, 'live.db')}`, RAPPORT_DATA_DIR: dir };
const rapport = (args: string[], extra: Record<string, string> = {}) => run('node', [bin, ...args], { env: { ...env, ...extra } });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The CLI is the same code on both engines (the engines are covered in backup.test.ts); it runs once, on SQLite.
describe.runIf(engine === 'sqlite')('rapport backup / restore', () => {
  it('backs up, refuses to overwrite data without --force, and restores verified', async () => {
    await rapport(['seed', '--contacts', '300']);
    const b = await rapport(['backup', '--keep', '3']);
    expect(b.stdout).toMatch(/backup .*rapport-.*\.sqlite \(sqlite, .* rows in \d+ tables\)/);
    const file = path.join(dir, 'backups', readdirSync(path.join(dir, 'backups')).find((f) => f.endsWith('.sqlite'))!);
    const refused = await rapport(['restore', file]).then(() => null, (e: { code: number; stderr: string }) => e);
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toContain('not empty');
    const fresh = await rapport(['restore', file], { DATABASE_URL: `sqlite:${path.join(dir, 'fresh.db')}` });
    expect(fresh.stdout).toMatch(/verified: \d+ tables, \d+ rows, per-table row counts and content checksums match the backup/);
    expect((await rapport(['restore', '--force', file])).stdout).toContain('verified:');
    expect((await rapport(['audit', 'verify'], { DATABASE_URL: `sqlite:${path.join(dir, 'fresh.db')}` })).stdout).toContain('audit log intact');
  }, 120_000);
});
