// Export end to end: CSV and XLSX streamed from the list machinery, with its filters, columns and visibility.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { exportToFile } from './export-file.js';

process.env.RAPPORT_EXPORT_PAGE = '7'; // several pages even for a small data set

let t: TestApp;
let rep: Record<string, string>;
const dir = mkdtempSync(path.join(tmpdir(), 'rapport-export-'));

beforeAll(async () => {
  t = await startTestApp();
  await t.json('POST', '/api/v1/custom-fields', t.admin, { object: 'contact', key: 'vip_level', label: 'VIP 等级', type: 'select', options: ['金', '银'] });
  const co = (await t.json('POST', '/api/v1/companies', t.admin, { name: '腾讯控股', tags: ['大客户'] })).body;
  for (let i = 0; i < 20; i++) {
    const res = await t.json('POST', '/api/v1/contacts', t.admin, {
      displayName: i === 0 ? '张伟, "老张"' : `客户${String(i).padStart(2, '0')}`,
      emails: [`c${i}@example.com`, ...(i === 0 ? ['zhang@qq.com'] : [])],
      companyId: co.id,
      lifecycleStage: i % 2 ? 'customer' : 'lead',
      tags: i % 3 === 0 ? ['vip', '重要'] : [],
      customFields: i % 4 === 0 ? { vip_level: '金' } : {},
    });
    expect(res.status).toBe(201);
  }
  await t.json('POST', '/api/v1/users', t.admin, { email: 'rep@example.com', name: '销售小李', password: 'password-123', role: 'sales' });
  rep = await t.login('rep@example.com', 'password-123');
  await t.json('POST', '/api/v1/contacts', rep, { displayName: 'Rep Own Contact' });
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });

describe('list export', () => {
  it('streams the filtered, sorted list as CSV with a BOM, chosen columns, tags, company, owner and custom fields', async () => {
    const res = await get('/api/v1/contacts/export?format=csv&columns=displayName,emails,companyName,ownerName,tags,cf.vip_level&lifecycleStage=lead&sort=displayName', t.admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="contacts-\d{8}-\d{4}\.csv"/);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows: string[][] = parse(res.rawPayload.subarray(3).toString('utf8'));
    expect(rows[0]).toEqual(['Name', 'Emails', 'Company', 'Owner', 'Tags', 'VIP 等级']);
    expect(rows).toHaveLength(12); // header + 11 leads (10 here, the rep's own), across two pages of 7
    const list = (await t.json('GET', '/api/v1/contacts?lifecycleStage=lead&sort=displayName&limit=100', t.admin)).body.data;
    expect(rows.slice(1).map((r) => r[0])).toEqual(list.map((c: any) => c.displayName));
    const zhang = rows.find((r) => r[0] === '张伟, "老张"')!;
    expect(zhang).toEqual(['张伟, "老张"', 'c0@example.com; zhang@qq.com', '腾讯控股', 'Administrator', 'vip; 重要', '金']);
  });

  it('exports what the list shows for a search, and only what the actor may see', async () => {
    const search = parse((await get(`/api/v1/contacts/export?q=${encodeURIComponent('客户1')}&columns=displayName`, t.admin)).rawPayload.subarray(3).toString());
    expect(search.slice(1).map((r: string[]) => r[0]).sort()).toEqual(['客户10', '客户11', '客户12', '客户13', '客户14', '客户15', '客户16', '客户17', '客户18', '客户19']);
    const mine: string[][] = parse((await get('/api/v1/contacts/export?columns=displayName,ownerName', rep)).rawPayload.subarray(3).toString());
    expect(mine).toEqual([['Name', 'Owner'], ['Rep Own Contact', '销售小李']]);
    const all: string[][] = parse((await get('/api/v1/contacts/export', t.admin)).rawPayload.subarray(3).toString());
    expect(all).toHaveLength(22);
    expect(all[0]).toContain('VIP 等级'); // default columns include every custom field
  });

  it('lists the columns to choose from, and writes the header row in Chinese when asked', async () => {
    const choices = (await t.json('GET', '/api/v1/contacts/export/columns?lang=zh-CN', t.admin)).body.data;
    expect(choices).toContainEqual({ key: 'displayName', header: '姓名', default: true });
    expect(choices).toContainEqual({ key: 'birthday', header: '生日', default: false });
    expect(choices).toContainEqual({ key: 'cf.vip_level', header: 'VIP 等级', default: true });
    expect((await t.json('GET', '/api/v1/companies/export/columns', t.admin)).body.data[0]).toEqual({ key: 'name', header: 'Name', default: true });
    const rows: string[][] = parse((await get('/api/v1/contacts/export?columns=displayName,emails,lifecycleStage,cf.vip_level&lang=zh-CN', t.admin)).rawPayload.subarray(3).toString());
    expect(rows[0]).toEqual(['姓名', '邮箱', '生命周期阶段', 'VIP 等级']);
    expect((await t.json('GET', '/api/v1/contacts/export/columns?lang=fr', t.admin)).status).toBe(422);
  });

  it('streams XLSX that a spreadsheet reader opens, Chinese intact', async () => {
    const res = await get('/api/v1/companies/export?format=xlsx&columns=name,tags,contactCount', t.admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/companies-\d{8}-\d{4}\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const sheet = wb.getWorksheet('companies')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Name', 'Tags', 'Contacts']);
    expect(sheet.getRow(2).values).toEqual([undefined, '腾讯控股', '大客户', 20]);
    const contacts = await get('/api/v1/contacts/export?format=xlsx&columns=displayName,cf.vip_level&cf.vip_level=金', t.admin);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(contacts.rawPayload as never);
    expect(wb2.getWorksheet('contacts')!.rowCount).toBe(6); // header + contacts 0, 4, 8, 12, 16
  });

  it('answers problem+json for a bad column, filter, sort or format, before any file is sent', async () => {
    for (const [q, field] of [['columns=displayName,shoeSize', 'columns'], ['colour=red', 'colour'], ['sort=shoeSize', 'sort'], ['format=pdf', 'format'], ['cf.nope=1', 'cf.nope']] as const) {
      const res = await get(`/api/v1/contacts/export?${q}`, t.admin);
      expect(res.statusCode, q).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors[0].path).toBe(field);
    }
    expect((await get('/api/v1/contacts/export', {})).statusCode).toBe(401);
  });

  it('writes a file from the CLI function with filters', async () => {
    const out = path.join(dir, 'leads.csv');
    const result = await exportToFile(t.app.db, { object: 'contacts', format: 'csv', out, columns: 'displayName,lifecycleStage', filters: ['lifecycleStage=customer', 'tag=vip'] });
    const rows: string[][] = parse(readFileSync(out, 'utf8').slice(1));
    expect(result.rows).toBe(3); // customers 3, 9, 15 carry the vip tag
    expect(rows.slice(1).every((r) => r[1] === 'customer')).toBe(true);
    await expect(exportToFile(t.app.db, { object: 'contacts', format: 'csv', out, filters: ['oops'] })).rejects.toThrow(/key=value/);
  });
});
