// SLA lines of the ticket timeline read as sentences in English and Chinese.
import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { slaEventSentence } from './sla-events.js';

const load = (lng: string) => JSON.parse(readFileSync(new URL(`../locales/${lng}.json`, import.meta.url), 'utf8'));
async function tFor(lng: string) {
  const i = i18next.createInstance();
  await i.init({ lng, resources: { en: { translation: load('en') }, 'zh-CN': { translation: load('zh-CN') } }, interpolation: { escapeValue: false } });
  return i.t;
}

describe('SLA timeline lines', () => {
  it('says each SLA event in English and Chinese', async () => {
    const en = await tFor('en');
    const zh = await tFor('zh-CN');
    const started = { event: 'started', policy: 'VIP', firstResponseDueAt: '2026-06-01T08:30:00.000Z', resolutionDueAt: '2026-06-01T12:00:00.000Z' };
    expect(slaEventSentence(started, en, (iso) => iso.slice(11, 16))).toBe('SLA “VIP” started: first response due 08:30, resolution due 12:00.');
    expect(slaEventSentence(started, zh, (iso) => iso.slice(11, 16))).toBe('SLA“VIP”开始计时：首次响应截止 08:30，解决截止 12:00。');
    expect(slaEventSentence({ event: 'breach', target: 'resolution', dueAt: '2026-06-01T12:00:00.000Z' }, en, (iso) => iso.slice(11, 16))).toBe('SLA breached: Resolution was due 12:00.');
    expect(slaEventSentence({ event: 'met', target: 'firstResponse' }, en)).toBe('SLA First response met.');
    expect(slaEventSentence({ event: 'met', target: 'firstResponse' }, zh)).toBe('SLA 首次响应已达成。');
    expect(slaEventSentence({ event: 'paused' }, zh)).toBe('等待客户回复，SLA 计时已暂停。');
    expect(slaEventSentence({ event: 'policy', from: 'Standard', to: 'Urgent' }, en)).toBe('SLA policy changed from “Standard” to “Urgent”.');
    const escalated = { event: 'escalated', steps: [{ kind: 'slaBreach', params: { target: 'resolution' } }, { kind: 'leastLoaded', params: { team: 'Support', name: 'Bob', open: 2 } }] };
    expect(slaEventSentence(escalated, en)).toBe('SLA breach escalated: The resolution SLA was breached. Fewest open tickets among team “Support”: Bob (2 open).');
    expect(slaEventSentence(escalated, zh)).toBe('SLA 违约已升级：解决 SLA 已违约。团队“Support”内未结工单最少：Bob（2 个）。');
  });
});
