// The subject of the task an accepted alert becomes, in the language of the person who accepted it: the suggested
// action and what the alert says, worded from its facts (the web app words the alert itself the same way).
import type { AlertAction } from './alert-tables.js';

type Facts = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

const en = {
  action: { call: 'Call', offer: 'Make an offer', escalate: 'Escalate', recommend: 'Recommend' } as Record<AlertAction, string>,
  text: {
    negativeSentiment: (f: Facts) => `Negative sentiment from key account ${str(f.name)}`,
    dealStalled: (f: Facts) => `Deal ${str(f.name)} stalled in ${str(f.stage)}: ${str(f.daysInStage)} days (usually ${str(f.medianDays)})`,
    vipTicketSla: (f: Facts) => `VIP ticket #${str(f.number)} ${str(f.subject)}: ${f.target === 'firstResponse' ? 'first response' : 'resolution'} due ${str(f.dueAt)}`,
    churnJump: (f: Facts) => `Churn risk of ${str(f.name)} rose from ${str(f.old)} % to ${str(f.new)} %`,
  } as Record<string, (f: Facts) => string>,
};

const zh = {
  action: { call: '打电话', offer: '提供优惠', escalate: '升级处理', recommend: '推荐' } as Record<AlertAction, string>,
  text: {
    negativeSentiment: (f: Facts) => `重要客户 ${str(f.name)} 出现负面情绪`,
    dealStalled: (f: Facts) => `商机 ${str(f.name)} 在「${str(f.stage)}」阶段停滞 ${str(f.daysInStage)} 天（通常 ${str(f.medianDays)} 天）`,
    vipTicketSla: (f: Facts) => `VIP 工单 #${str(f.number)} ${str(f.subject)}：${f.target === 'firstResponse' ? '首次响应' : '解决'}将于 ${str(f.dueAt)} 到期`,
    churnJump: (f: Facts) => `${str(f.name)} 的流失风险从 ${str(f.old)} % 升至 ${str(f.new)} %`,
  } as Record<string, (f: Facts) => string>,
};

/** "Call — Churn risk of Wang Fang rose from 20 % to 70 %" / "打电话 — 王芳 的流失风险从 20 % 升至 70 %"; the stored
 * title when the rule is not one of these. At most 300 characters. */
export function alertTaskSubject(locale: string, alert: { rule: string; action: AlertAction; title: string; facts: Facts; product: string | null }): string {
  const words = locale === 'zh-CN' ? zh : en;
  const action = `${words.action[alert.action] ?? alert.action}${alert.product ? (locale === 'zh-CN' ? `：${alert.product}` : `: ${alert.product}`) : ''}`;
  const text = words.text[alert.rule]?.(alert.facts) ?? alert.title;
  return `${action} — ${text}`.slice(0, 300);
}
