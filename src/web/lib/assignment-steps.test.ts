// Lead assignment explanations read as plain sentences in English and Chinese, never step keys or arrow chains;
// notification steps from before steps had a kind are not taken for steps.
import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { assignmentSentences, explainAssignment, readSteps, type AssignmentStep } from './assignment-steps.js';

const load = (lng: string) => JSON.parse(readFileSync(new URL(`../locales/${lng}.json`, import.meta.url), 'utf8'));
async function tFor(lng: 'en' | 'zh-CN') {
  const i = i18next.createInstance();
  await i.init({ lng, resources: { en: { translation: load('en') }, 'zh-CN': { translation: load('zh-CN') } }, interpolation: { escapeValue: false } });
  return i.t;
}

const roundRobin: AssignmentStep[] = [
  { kind: 'ruleMatched', params: { rule: 'Shanghai leads', matched: [{ field: 'region', value: '上海' }] } },
  { kind: 'skipped', params: { name: '李雷', cause: 'previousOwner' } },
  { kind: 'roundRobin', params: { team: 'East', name: 'Zhang Wei' } },
];
const reassigned: AssignmentStep[] = [{ kind: 'untouched', params: { from: '王芳', hours: 24, reassigned: true } }, ...roundRobin];
const every: AssignmentStep[] = [
  { kind: 'ruleMatched', params: { rule: 'All', matched: [] } },
  { kind: 'skipped', params: { name: 'Zhang Wei', cause: 'inactive' } },
  { kind: 'noRep', params: { team: null } },
];
const noRule: AssignmentStep[] = [{ kind: 'noRuleMatched', params: { facts: [{ field: 'companySize', value: '1-10' }, { field: 'source', value: 'web_form' }] } }];
const least: AssignmentStep[] = [{ kind: 'ruleMatched', params: { rule: 'North', matched: null } }, { kind: 'leastLoaded', params: { team: 'North', name: '孙强', open: 3 } }];
const others: AssignmentStep[] = [
  { kind: 'keptExisting', params: { name: '王芳' } },
  { kind: 'keptByHand', params: {} },
  { kind: 'setByImport', params: {} },
  { kind: 'namedUser', params: { name: '王芳' } },
  { kind: 'noRuleMatched', params: { facts: [] } },
  { kind: 'untouched', params: { from: null, hours: 1, reassigned: false } },
];

describe('assignment explanations', () => {
  it('say each step as an English sentence', async () => {
    const t = await tFor('en');
    expect(assignmentSentences(roundRobin, t)).toEqual(['Matched rule “Shanghai leads” (region is 上海).', '李雷 had the lead already, skipped.', 'Round-robin among team “East”: Zhang Wei was next.']);
    expect(explainAssignment(reassigned, t)).toBe('王芳 did not work on the lead within 24 hours, so it was re-assigned. Matched rule “Shanghai leads” (region is 上海). 李雷 had the lead already, skipped. Round-robin among team “East”: Zhang Wei was next.');
    expect(assignmentSentences(every, t)).toEqual(['Matched rule “All” (it takes every lead).', 'Zhang Wei is deactivated, skipped.', 'Nobody was available, so the lead stays unassigned.']);
    expect(explainAssignment(noRule, t)).toBe('No assignment rule matched (company size is 1-10, source is web form).');
    expect(explainAssignment(least, t)).toBe('Matched rule “North”. Fewest open leads among team “North”: 孙强 (3 open).');
    expect(assignmentSentences(others, t)).toEqual([
      '王芳 already owned this contact and keeps the lead.',
      'The owner was set by hand before assignment ran.',
      'The import set the owner.',
      'The rule gives its leads to 王芳.',
      'No assignment rule matched (the lead has no region, industry, size or source).',
      'The owner did not work on the lead within 1 hour.',
    ]);
  });

  it('say each step as a Chinese sentence', async () => {
    const t = await tFor('zh-CN');
    expect(explainAssignment(reassigned, t)).toBe('王芳 在 24 小时内未跟进此线索，已重新分配。匹配规则“Shanghai leads”（地区为上海）。李雷 之前已负责此线索，已跳过。在团队“East”中轮流分配：轮到 Zhang Wei。');
    expect(assignmentSentences(every, t)).toEqual(['匹配规则“All”（该规则接收所有线索）。', 'Zhang Wei 已停用，已跳过。', '没有可用的人，线索暂未分配。']);
    expect(explainAssignment(noRule, t)).toBe('没有匹配的分配规则（公司规模为1-10，来源为网页表单）。');
    expect(explainAssignment(least, t)).toBe('匹配规则“North”。团队“North”中未结线索最少：孙强（3 条未结）。');
  });

  it('never show a key, an arrow chain or English words in Chinese', async () => {
    const all = [...roundRobin, ...reassigned, ...every, ...noRule, ...least, ...others];
    for (const lng of ['en', 'zh-CN'] as const) {
      const t = await tFor(lng);
      for (const sentence of assignmentSentences(all, t)) {
        expect(sentence).not.toMatch(/assignmentSteps|→|roundRobin|leastLoaded|web_form|\{\{/);
        if (lng === 'zh-CN') expect(sentence.replace(/Zhang Wei|Shanghai leads|All|East|North|1-10/g, '')).not.toMatch(/[A-Za-z]{3,}/);
      }
    }
  });

  it('take only steps with a kind and params (older notifications keep their stored text)', () => {
    expect(readSteps(roundRobin)).toBe(roundRobin);
    expect(readSteps([{ k: 'rule', name: 'East' }, { k: 'rep', name: '王芳' }])).toBeNull();
    expect(readSteps(undefined)).toBeNull();
    expect(readSteps([])).toBeNull();
  });
});
