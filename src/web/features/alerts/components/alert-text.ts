// An alert said in the reader's language, from its rule and facts (the server's title is English).
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../../lib/format';

export function alertText(t: TFunction, a: { rule: string; facts: Record<string, unknown>; title: string }): string {
  const f = a.facts;
  switch (a.rule) {
    case 'negativeSentiment':
      return t('alerts.text.negativeSentiment', { name: f.name });
    case 'dealStalled':
      return t('alerts.text.dealStalled', { name: f.name, stage: f.stage, days: f.daysInStage, median: f.medianDays });
    case 'vipTicketSla':
      return t('alerts.text.vipTicketSla', { number: f.number, subject: f.subject, target: t(`alerts.targets.${String(f.target)}`), due: typeof f.dueAt === 'string' ? formatDateTime(f.dueAt) : '' });
    case 'churnJump':
      return t('alerts.text.churnJump', { name: f.name, from: f.old, to: f.new });
    default:
      return a.title;
  }
}
