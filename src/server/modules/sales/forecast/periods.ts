// Month and quarter keys of the forecast: "2026-11", "2026-Q4", and the months of a range.
import { AppError } from '../../../core/errors.js';

export function monthsBetween(from: string, to: string): string[] {
  if (to < from) throw new AppError('validation', 'The range ends before it starts', [{ path: 'to', message: 'before from' }]);
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  while (true) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= to) break;
    if (out.length > 120) throw new AppError('validation', 'A forecast covers at most 10 years', [{ path: 'to', message: 'range too long' }]);
    m += 1;
    if (m > 12) (m = 1), (y += 1);
  }
  return out;
}

export const quarterOf = (month: string) => `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
export const periodOf = (month: string, period: 'month' | 'quarter') => (period === 'month' ? month : quarterOf(month));

/** The month after `month`, as the exclusive end of a range. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
