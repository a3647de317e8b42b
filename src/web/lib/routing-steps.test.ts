// Routing explanations read as sentences in English and Chinese, from the steps the server records.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import { explainRouting, readRoutingSteps, type RoutingStep } from './routing-steps.js';

const steps: RoutingStep[] = [
  { kind: 'tier', params: { tier: 'vip' } },
  { kind: 'signal', params: { name: 'angry', reason: 'angry words', priorityUp: true, skill: 'senior' } },
  { kind: 'ruleMatched', params: { rule: 'Billing', team: 'Support' } },
  { kind: 'priority', params: { from: 'normal', to: 'urgent' } },
  { kind: 'skipped', params: { name: '王芳', cause: 'full', open: 5, capacity: 5 } },
  { kind: 'agentFreed', params: {} },
  { kind: 'roundRobin', params: { team: 'Support', name: '李雷' } },
];

const load = (lng: string) => JSON.parse(readFileSync(new URL(`../locales/${lng}.json`, import.meta.url), 'utf8'));

async function translator(lng: string) {
  const i = i18next.createInstance();
  await i.init({ lng, resources: { en: { translation: load('en') }, 'zh-CN': { translation: load('zh-CN') } }, interpolation: { escapeValue: false } });
  return i.t;
}

describe('routing explanations', () => {
  it('says each step in English', async () => {
    expect(explainRouting(steps, await translator('en'))).toBe(
      'The customer is a VIP. Signal “angry”: angry words. Priority raised. Needs the skill “senior”. Matched routing rule “Billing”, which sends tickets to team “Support”. Priority changed from Normal to Urgent. 王芳 has 5 of 5 open tickets, skipped. Later an agent became available. Round-robin among team “Support”: 李雷 was next.',
    );
  });

  it('says each step in Chinese', async () => {
    expect(explainRouting(steps, await translator('zh-CN'))).toBe(
      '客户是 VIP。信号“angry”：angry words。已提高优先级。需要技能“senior”。匹配路由规则“Billing”，工单发往团队“Support”。优先级由普通改为紧急。王芳已有 5/5 个未结工单，已跳过。后来有客服可以接手了。在团队“Support”内轮流分配：轮到李雷。',
    );
  });

  it('reads steps from the stored JSON and refuses anything else', () => {
    expect(readRoutingSteps(JSON.stringify(steps))).toEqual(steps);
    expect(readRoutingSteps([{ k: 'rule', name: 'x' }])).toBeNull();
    expect(readRoutingSteps('not json')).toBeNull();
    expect(readRoutingSteps([])).toBeNull();
  });
});
