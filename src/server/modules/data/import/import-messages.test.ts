// Every reason the import code can write into an error report has a Chinese version: the reason literals are read
// from the import sources (cleanse, mapping, targets, product and order imports), their ${…} parts filled with a
// sample, and each must translate. Plus the language choice from ?lang and Accept-Language.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reportLang, translateImportReason } from './import-messages.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const sources = [
  ...readdirSync(HERE).map((f) => path.join(HERE, f)),
  ...readdirSync(path.join(HERE, 'targets')).map((f) => path.join(HERE, 'targets', f)),
  path.join(HERE, '../../sales/orders/order-import.ts'),
  path.join(HERE, '../../sales/products/product-import.ts'),
].filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('import-messages.ts'));

/** Reason literals: `reason: '…'`, `reason: \`…\``, `fail(\`…\`)`, `conflict: \`…\``, and both branches of a ternary. */
function reasonsIn(text: string): string[] {
  const out: string[] = [];
  const lit = /(?:reason: |fail\(|conflict: |\? |: )(['`])((?:(?!\1)[^\\]|\\.)*?)\1/g;
  for (const m of text.matchAll(lit)) {
    const before = text.slice(Math.max(0, m.index - 200), m.index);
    if (!/reason: [^\n]*$|fail\($|conflict: $/.test(before + m[0].slice(0, m[0].indexOf(m[1]!)))) continue;
    if (!['', 'error', 'warning'].includes(m[2]!)) out.push(m[2]!); // severities and empty cells sit on the same lines
  }
  return out;
}
const sample = (s: string) => s.replace(/\$\{[^}]*\}/g, '7');

describe('import report messages', () => {
  const found = sources.flatMap((f) => reasonsIn(readFileSync(f, 'utf8')).map((r) => ({ file: path.basename(f), reason: sample(r) })));

  it('finds the reasons the import code writes', () => {
    expect(found.length).toBeGreaterThan(20);
    expect(found.map((f) => f.reason)).toEqual(expect.arrayContaining(['a company needs a name', '"7" is not a valid email address', 'no 7 price: give a unit price']));
  });

  it('has a Chinese version of every one', () => {
    const missing = found.filter((f) => !/[\u4e00-\u9fff]/.test(translateImportReason(f.reason, 'zh-CN') ?? ''));
    expect(missing).toEqual([]);
  });

  it('picks the language from ?lang, then Accept-Language', () => {
    expect(reportLang('zh-CN', 'en')).toBe('zh-CN');
    expect(reportLang('en', 'zh-CN')).toBe('en');
    expect(reportLang(undefined, 'zh-CN,zh;q=0.9')).toBe('zh-CN');
    expect(reportLang(undefined, 'fr-FR, en;q=0.8')).toBe('en');
    expect(reportLang(undefined, undefined)).toBe('en');
  });
});
