// `rapport import` as a user runs it: the suggested mapping printed, a mapping file honoured, failed rows written out.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { engine } from '../../../test/test-app.js';

const run = promisify(execFile);
const bin = path.join(import.meta.dirname, '../../../../../bin/rapport.mjs');
const dir = mkdtempSync(path.join(tmpdir(), 'rapport-import-cli-'));
const env = { ...process.env, DATABASE_URL: `sqlite:${path.join(dir, 'cli.db')}`, RAPPORT_DATA_DIR: dir };
const rapport = (...args: string[]) => run('node', [bin, ...args], { env });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The CLI is the same code on both engines; it is exercised once, on SQLite.
describe.runIf(engine === 'sqlite')('rapport import', () => {
  it('imports with the suggested mapping and prints it, then with a mapping file and --on-match skip', async () => {
    const file = path.join(dir, '客户.csv');
    writeFileSync(file, iconv.encode('姓名,手机,邮箱,公司,备注\n张伟,13800138000,zw@cli.test,腾讯\n,13800138001,bad,\n', 'gbk'));
    const first = await rapport('import', file, '--object', 'contacts');
    expect(first.stdout).toContain('encoding gb18030');
    expect(first.stdout).toContain('"姓名": "displayName"');
    // Issue 9: the summary also counts rows imported with warnings and names the columns left out.
    expect(first.stdout).toMatch(/2 rows .* 1 created, 0 updated, 0 skipped, 0 duplicates in the file merged, 1 failed, 0 imported with warnings, 1 companies created; columns not imported: 备注/);
    expect(first.stderr).toContain('WARNING: 1 column(s) will NOT be imported: "备注"');
    const errors = readFileSync(path.join(dir, '客户-errors.csv'), 'utf8');
    expect(errors).toContain('3,邮箱,bad,');

    const mapping = path.join(dir, 'm.json');
    writeFileSync(mapping, JSON.stringify({ 姓名: 'displayName', 手机: 'phones', 邮箱: 'emails', 公司: null, 备注: 'title' }));
    writeFileSync(file, iconv.encode('姓名,手机,邮箱,公司,备注\n张伟,13800138000,zw@cli.test,腾讯,老板\n李雷,13900139000,ll@cli.test,,工程师\n', 'gbk'));
    const second = await rapport('import', file, '--mapping', mapping, '--on-match', 'skip');
    expect(second.stdout).not.toContain('mapping (');
    expect(second.stdout).toMatch(/1 created, 0 updated, 1 skipped/);
    const db = new Database(path.join(dir, 'cli.db'));
    const rows = db.prepare("select display_name, title, company_id from contacts order by display_name").all();
    db.close();
    expect(rows).toEqual([
      { display_name: '张伟', title: null, company_id: expect.any(String) },
      { display_name: '李雷', title: '工程师', company_id: null },
    ]);
    const bad = await rapport('import', file, '--on-match', 'merge').then(() => null, (e: { code: number; stderr: string }) => e);
    expect(bad?.stderr).toContain('--on-match is update, skip or create');
  }, 60_000);
  it('--region for a file without a country column, --create-fields for the columns no field takes, --strict', async () => {
    const file = path.join(dir, 'us-leads.csv');
    writeFileSync(file, 'Name,Phone,Email,Favorite Color,备注\nUma Park,(650) 450-0100,uma@cli-us.test,green,老客户\nVic Park,(650) 450-010,not-an-email,red,\n');
    const run1 = await rapport('import', file, '--region', 'us', '--create-fields');
    expect(run1.stdout).toMatch(/created custom fields for the unmapped columns: favorite_color, col_[0-9a-f]{8}/);
    expect(run1.stdout).toMatch(/2 created, .* 0 failed, 1 imported with warnings/);
    expect(run1.stderr).not.toContain('will NOT be imported');
    const errors = readFileSync(path.join(dir, 'us-leads-errors.csv'), 'utf8');
    expect(errors).toContain('3,Phone,(650) 450-010,"""(650) 450-010"" is not a valid phone number for US; kept as typed, not normalised",warning');
    expect(errors).toContain('3,Email,not-an-email,');
    const db = new Database(path.join(dir, 'cli.db'));
    const uma = db.prepare("select phones, custom from contacts where display_name = 'Uma Park'").get() as { phones: string; custom: string };
    const vic = db.prepare("select phones, raw_phones, emails from contacts where display_name = 'Vic Park'").get();
    db.close();
    expect(JSON.parse(uma.phones)).toEqual(['+16504500100']);
    expect(JSON.parse(uma.custom)).toMatchObject({ favorite_color: 'green' });
    expect(Object.values(JSON.parse(uma.custom))).toContain('老客户');
    expect(vic).toEqual({ phones: '[]', raw_phones: '["(650) 450-010"]', emails: '[]' });

    writeFileSync(file, 'Name,Phone,Email\nWes Park,(650) 450-0101,not-an-email\n');
    const strict = await rapport('import', file, '--region', 'US', '--strict');
    expect(strict.stdout).toMatch(/0 created, .* 1 failed, 0 imported with warnings/);
    const badRegion = await rapport('import', file, '--region', 'XX').then(() => null, (e: { stderr: string }) => e);
    expect(badRegion?.stderr).toContain('--region is a two-letter country code');
  }, 60_000);
});
