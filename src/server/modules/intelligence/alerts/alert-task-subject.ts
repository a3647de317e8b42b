// The subject of the task an accepted alert becomes, in the language of the person who accepted it: the suggested
// action and what the alert says. The alert's stored title is English (alert-rules.ts words it); in Chinese the text is
// worded from the alert's facts, as the web app words the alert itself.
import type { AlertAction } from './alert-tables.js';

type Facts = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

const actions: Record<'en' | 'zh-CN', Record<AlertAction, string>> = {
  en: { call: 'Call', offer: 'Make an offer', escalate: 'Escalate', recommend: 'Recommend' },
  'zh-CN': { call: '打电话', offer: '提供优惠', escalate: '升级处理', recommend: '推荐' },
};

const zhText: Record<string, (f: Facts) => string> = {
  negativeSentiment: (f) => `重要客户 ${str(f.name)} 出现负面情绪`,
  dealStalled: (f) => `商机 ${str(f.name)} 在「${str(f.stage)}」阶段停滞 ${str(f.daysInStage)} 天（通常 ${str(f.medianDays)} 天）`,
  vipTicketSla: (f) => `VIP 工单 #${str(f.number)} ${str(f.subject)}：${f.target === 'firstResponse' ? '首次响应' : '解决'}将于 ${str(f.dueAt)} 到期`,
  churnJump: (f) => `${str(f.name)} 的流失风险从 ${str(f.old)} % 升至 ${str(f.new)} %`,
};

/** "Call — Negative sentiment from key account Wang Fang" / "打电话 — 重要客户 王芳 出现负面情绪" (the stored title
 * for a rule without Chinese wording). At most 300 characters. */
export function alertTaskSubject(locale: string, alert: { rule: string; action: AlertAction; title: string; facts: Facts; product: string | null }): string {
  const zh = locale === 'zh-CN';
  const action = `${actions[zh ? 'zh-CN' : 'en'][alert.action] ?? alert.action}${alert.product ? `${zh ? '：' : ': '}${alert.product}` : ''}`;
  const text = (zh ? zhText[alert.rule]?.(alert.facts) : undefined) ?? alert.title;
  return `${action} — ${text}`.slice(0, 300);
}
