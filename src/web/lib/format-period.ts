// Forecast periods in the UI's language: "2026-12" → "Dec 2026" / "2026年12月"; "2026-Q1" → "Q1 2026" / "2026年第1季度".
export function formatPeriod(period: string, locale: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return locale === 'zh-CN' ? `${quarter[1]}年第${quarter[2]}季度` : `Q${quarter[2]} ${quarter[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (!month) return period;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)));
}
