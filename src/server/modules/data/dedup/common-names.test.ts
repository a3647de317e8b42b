// Precision of duplicate detection on the shape that fooled it: many different people with one common Chinese name at
// the same company (赵敏 ×N, each with their own mobile, some without an email), beside real duplicates of the same
// people. The default threshold must suggest the real pairs and (almost) nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const commonNames = ['赵敏', '王伟', '李娜', '张静'];
const rareGiven = '晓梓轩瑾昕珂璇琰翊骁';

describe('duplicate suggestions among common names', () => {
  it('keeps precision ≥ 0.95 at the default threshold with every planted duplicate found', async () => {
    const truth = new Set<string>();
    const idsOf = new Map<string, string>();
    let n = 0;
    const add = async (body: Record<string, unknown>) => {
      const res = await t.json('POST', '/api/v1/contacts', t.admin, body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    for (let c = 0; c < 4; c++) {
      const companyId = (await t.json('POST', '/api/v1/companies', t.admin, { name: `华东制造${c}`, domain: `hd${c}.cn` })).body.id;
      for (const name of commonNames) {
        // 8 different people with the same name at this company: own mobile each, every third without an email.
        for (let i = 0; i < 8; i++) {
          const mobile = `+86139${String(10_000_000 + n++).padStart(8, '0')}`;
          const id = await add({ displayName: name, companyId, phones: [mobile], emails: i % 3 === 0 ? [] : [`u${n}@hd${c}.cn`] });
          // Every fourth of them was entered twice: once from a card (mobile written nationally, no email).
          if (i % 4 === 1) {
            const dup = await add({ displayName: name, companyId, phones: [`${mobile.slice(3, 6)} ${mobile.slice(6, 10)} ${mobile.slice(10)}`] });
            truth.add([id, dup].sort().join('|'));
          }
          idsOf.set(id, name);
        }
      }
      // People with rare names at the same company, duplicated without any contact detail (name + company only).
      for (let i = 0; i < 3; i++) {
        const name = `欧阳${rareGiven[c * 2 + i] ?? '澈'}`;
        const a = await add({ displayName: name, companyId, phones: [`+86137${String(10_000_000 + n++).padStart(8, '0')}`] });
        const b = await add({ displayName: name, companyId });
        truth.add([a, b].sort().join('|'));
      }
    }
    const { job } = await t.runJob('/api/v1/duplicates/detect', {});
    expect(job.status, JSON.stringify(job)).toBe('done');
    const suggested: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { data: { a: { id: string }; b: { id: string } }[]; nextCursor: string | null } } = await t.json('GET', `/api/v1/duplicates?limit=500${cursor ? `&cursor=${cursor}` : ''}`, t.admin);
      expect(page.status).toBe(200);
      suggested.push(...page.body.data.map((p) => [p.a.id, p.b.id].sort().join('|')));
      cursor = page.body.nextCursor;
    } while (cursor);
    const hits = suggested.filter((k) => truth.has(k)).length;
    const precision = hits / suggested.length;
    const recall = hits / truth.size;
    expect(truth.size).toBe(4 * 4 * 2 + 4 * 3);
    expect({ precision: precision >= 0.95, recall }).toEqual({ precision: true, recall: 1 });
  });
});
