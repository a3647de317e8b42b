// Lead-score reasons read as sentences in both languages ("Held a meeting 12 days ago: +22"), never rule keys or
// formulas; lines stored before params existed keep the rule's name.
import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { scoreReasonText, signedPoints } from './score-reasons.js';

const load = (lng: string) => JSON.parse(readFileSync(new URL(`../locales/${lng}.json`, import.meta.url), 'utf8'));
async function tFor(lng: 'en' | 'zh-CN') {
  const i = i18next.createInstance();
  await i.init({ lng, resources: { en: { translation: load('en') }, 'zh-CN': { translation: load('zh-CN') } }, interpolation: { escapeValue: false } });
  return i.t;
}
const meeting = { name: 'Held a meeting', kind: 'behaviour', points: 22.4, count: 1, params: { event: 'meeting_held', count: 1, lastDaysAgo: 12 } };
const emails = { name: 'Opened emails', kind: 'behaviour', points: 7, count: 3, params: { event: 'email_opened', count: 3, lastDaysAgo: 0 } };
const title = { name: 'Manager title', kind: 'attribute', points: 10, count: 1, params: { field: 'title', value: '销售经理' } };
const custom = { name: 'VIP segment', kind: 'attribute', points: 5, count: 1, params: { field: 'cf.segment', value: 'VIP, new' } };

describe('scoreReasonText', () => {
  it('says each line in English', async () => {
    const t = await tFor('en');
    expect(scoreReasonText(t, meeting)).toBe('Held a meeting 12 days ago: +22');
    expect(scoreReasonText(t, emails)).toBe('Opened 3 emails, the last today: +7');
    expect(scoreReasonText(t, { ...meeting, params: { ...meeting.params, lastDaysAgo: 1 } })).toBe('Held a meeting 1 day ago: +22');
    expect(scoreReasonText(t, title)).toBe('Job title is 销售经理: +10');
    expect(scoreReasonText(t, custom)).toBe('VIP segment (VIP, new): +5');
    expect(scoreReasonText(t, { name: 'Old rule', kind: 'behaviour', points: -4, count: 1 })).toBe('Old rule: -4');
  });

  it('says each line in Chinese', async () => {
    const t = await tFor('zh-CN');
    expect(scoreReasonText(t, meeting)).toBe('12 天前开过会：+22');
    expect(scoreReasonText(t, emails)).toBe('打开过 3 封邮件，最近一次在今天：+7');
    expect(scoreReasonText(t, title)).toBe('职位为销售经理：+10');
  });

  it('has a sentence for every event in both languages', async () => {
    for (const lng of ['en', 'zh-CN'] as const) {
      const t = await tFor(lng);
      for (const event of ['email_opened', 'page_visited', 'form_submitted', 'meeting_held', 'call_logged'])
        for (const count of [1, 4]) {
          const text = scoreReasonText(t, { name: 'x', kind: 'behaviour', points: 3, count, params: { event, count, lastDaysAgo: 5 } });
          expect(text).not.toMatch(/leads\.|reason\.|\{\{|_/);
          expect(text).toMatch(/5/);
        }
    }
  });

  it('shows points whole, with a sign', () => {
    expect([signedPoints(10.61), signedPoints(-3.2), signedPoints(0)]).toEqual(['+11', '-3', '0']);
  });
});
