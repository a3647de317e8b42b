// Duplicate reasons read as sentences in both languages, with names and formatted phones, never keys or ids.
import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { duplicateReasonText, type DupReason } from './duplicate-reasons.js';

const load = (lng: string) => JSON.parse(readFileSync(new URL(`../locales/${lng}.json`, import.meta.url), 'utf8'));
async function tFor(lng: 'en' | 'zh-CN') {
  const i = i18next.createInstance();
  await i.init({ lng, resources: { en: { translation: load('en') }, 'zh-CN': { translation: load('zh-CN') } }, interpolation: { escapeValue: false } });
  return i.t;
}
const r = (field: string, kind: string, params: DupReason['params'] = {}): DupReason => ({ field, kind, detail: 'x', weight: 0.1, params });
const sides = { aName: 'Deng Yong', bName: '邓勇', companyName: 'Acme' };

describe('duplicateReasonText', () => {
  it('says each reason in English', async () => {
    const t = await tFor('en');
    expect(duplicateReasonText(t, r('phone', 'same', { value: '+8613800138000', mobile: true }), sides)).toBe('Same mobile phone: +86 138 0013 8000');
    expect(duplicateReasonText(t, r('name', 'same', { pinyin: true, similarity: 1 }), sides)).toBe('Names match in pinyin: Deng Yong / 邓勇');
    expect(duplicateReasonText(t, r('email', 'same', { value: 'a@b.org' }), sides)).toBe('Same email: a@b.org');
    expect(duplicateReasonText(t, r('company', 'same'), sides)).toBe('Both at Acme');
    expect(duplicateReasonText(t, r('email', 'conflict', { which: 'work' }), sides)).toBe('Different work emails at the same organisation');
    expect(duplicateReasonText(t, r('name', 'similar', { similarity: 0.9, sharedBy: 5 }), sides)).toBe('Similar names: Deng Yong / 邓勇 (5 people in this organisation share the name)');
  });

  it('says each reason in Chinese', async () => {
    const t = await tFor('zh-CN');
    expect(duplicateReasonText(t, r('phone', 'same', { value: '+8613800138000', mobile: true }), sides)).toBe('手机号相同：+86 138 0013 8000');
    expect(duplicateReasonText(t, r('name', 'same', { pinyin: true }), sides)).toBe('拼音姓名一致：Deng Yong / 邓勇');
    expect(duplicateReasonText(t, r('contact', 'conflict', { which: 'any' }), sides)).toBe('没有相同的邮箱或电话');
  });

  it('never shows a translation key for any reason the server sends', async () => {
    const combos = ['email:same', 'email:conflict', 'phone:same', 'phone:conflict', 'company:same', 'domain:same', 'domain:conflict', 'address:same', 'address:similar', 'birthday:conflict', 'contact:conflict', 'name:same', 'name:similar', 'name:conflict', 'odd:thing'];
    for (const lng of ['en', 'zh-CN'] as const) {
      const t = await tFor(lng);
      for (const c of combos) {
        const [field, kind] = c.split(':') as [string, string];
        const text = duplicateReasonText(t, r(field, kind, { value: 'v', a: '1990-01-01', b: '1991-01-01' }), sides);
        expect(text).not.toMatch(/duplicates\.|reason\.|\{\{/);
        expect(text.length).toBeGreaterThan(3);
      }
    }
  });
});
