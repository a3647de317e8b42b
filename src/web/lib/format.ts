// Locale-aware display of dates, durations and money for the UI.
import dayjs from 'dayjs';
import type { Address } from '../types/api';
import { currentLocale } from './i18n';

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium' }).format(d);
}

export function formatRelative(iso: string | null | undefined): string {
  if (!iso) return '';
  return dayjs(iso).fromNow();
}

/** Whole units by default; `exact` keeps the currency's cents (prices in a catalogue). */
export function formatMoney(minor: number | null | undefined, currency: string | null | undefined, exact = false): string {
  if (minor === null || minor === undefined) return '';
  const code = currency || 'CNY';
  try {
    return new Intl.NumberFormat(currentLocale(), { style: 'currency', currency: code, ...(exact ? {} : { maximumFractionDigits: 0 }) }).format(minor / 100);
  } catch {
    return `${(minor / 100).toFixed(2)} ${code}`;
  }
}

/** ISO timestamp → value for <input type="datetime-local"> in local time. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  return dayjs(iso).format('YYYY-MM-DDTHH:mm');
}

/** <input type="datetime-local"> value → ISO timestamp in UTC. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = dayjs(value);
  return d.isValid() ? d.toISOString() : null;
}

/** An address on one line, its parts in the usual order ('' when there is none). */
export function formatAddress(a: Address | null | undefined): string {
  return a ? [a.street, a.city, a.region, a.postalCode, a.country].filter(Boolean).join(', ') : '';
}
