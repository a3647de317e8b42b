// Minutes as a short duration ("45 min", "3.5 h", "2.1 d" / "45 分钟", "3.5 小时", "2.1 天").
import type { TFunction } from 'i18next';

export function formatMinutes(m: number | null, t: TFunction): string {
  if (m === null) return t('common.empty');
  if (m < 60) return t('serviceDashboard.minutes', { n: Math.round(m) });
  if (m < 48 * 60) return t('serviceDashboard.hours', { n: Math.round((m / 60) * 10) / 10 });
  return t('serviceDashboard.days', { n: Math.round((m / 1440) * 10) / 10 });
}
