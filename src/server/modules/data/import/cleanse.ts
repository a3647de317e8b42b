// Cleansing of one cell on the way in: text, emails, phones (E.164), dates, booleans (English and Chinese), numbers, selects.
import { toE164In } from '../../../core/phone-region.js';
import { z } from 'zod';

export type Cleaned<T> = { ok: true; value: T | null } | { ok: false; reason: string };
const ok = <T>(value: T | null): Cleaned<T> => ({ ok: true, value });
const fail = (reason: string): Cleaned<never> => ({ ok: false, reason });

/** Trims and collapses runs of spaces (including the full-width space of Chinese text); empty becomes null. */
export function cleanText(raw: string, max = 2000): Cleaned<string> {
  const v = raw.replace(/[\s\u3000]+/g, ' ').trim();
  if (!v) return ok(null);
  return v.length > max ? fail(`longer than ${max} characters`) : ok(v);
}

const emailCheck = z.email();
export function cleanEmail(raw: string): Cleaned<string> {
  const v = raw.trim().replace(/^mailto:/i, '').toLowerCase();
  if (!v) return ok(null);
  return emailCheck.safeParse(v).success ? ok(v) : fail(`"${raw.trim()}" is not a valid email address`);
}

export function cleanPhone(raw: string, region: string): Cleaned<string> {
  const v = raw.trim();
  if (!v) return ok(null);
  // Spreadsheets turn 8613800138000 into 8.6138E+12 or "13800138000.0": take the digits back.
  const unfloat = /^\d+\.0+$/.test(v) ? v.replace(/\.0+$/, '') : v;
  const e164 = toE164In(unfloat, region);
  return e164 ? ok(e164) : fail(`"${v}" is not a valid phone number (default region ${region})`);
}

const pad = (n: number) => String(n).padStart(2, '0');
function ymd(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (y < 1000 || y > 9999 || dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * Dates as people and spreadsheets write them: 2024-03-05, 2024/3/5, 2024.03.05, 2024年3月5日, 20240305,
 * 05/03/2024 (day first unless the region writes month first, or the numbers make it plain), Excel serials, "Mar 5, 2024".
 */
export function cleanDate(raw: string, region: string): Cleaned<string> {
  const v = raw.trim();
  if (!v) return ok(null);
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s].*)?$/.exec(v);
  if (m) return orFail(ymd(+m[1]!, +m[2]!, +m[3]!), v);
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(v))) return orFail(ymd(+m[1]!, +m[2]!, +m[3]!), v);
  if ((m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:\s.*)?$/.exec(v))) {
    const [a, b, y] = [+m[1]!, +m[2]!, +m[3]!];
    const monthFirst = a > 12 ? false : b > 12 ? true : ['US', 'PH', 'CA'].includes(region);
    return orFail(monthFirst ? ymd(y, a, b) : ymd(y, b, a), v);
  }
  if (/^\d{5}(\.\d+)?$/.test(v)) {
    const serial = Math.floor(Number(v));
    if (serial > 20000 && serial < 80000) {
      const d = new Date(Date.UTC(1899, 11, 30) + serial * 86400_000);
      return ok(`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`);
    }
  }
  if (/[a-z]/i.test(v)) {
    const t = Date.parse(v + (/\d{1,2}:\d{2}/.test(v) ? '' : ' 00:00 UTC'));
    if (!Number.isNaN(t)) {
      const d = new Date(t);
      return ok(`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`);
    }
  }
  return fail(`"${v}" is not a date (write it as YYYY-MM-DD)`);
}
const orFail = (d: string | null, v: string): Cleaned<string> => (d ? ok(d) : fail(`"${v}" is not a real date`));

/** A point in time: ISO 8601, or a date with an optional HH:MM[:SS] read as UTC. */
export function cleanDateTime(raw: string, region: string): Cleaned<string> {
  const v = raw.trim();
  if (!v) return ok(null);
  if (/^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v))) return ok(new Date(v).toISOString());
  const time = /(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/.exec(v);
  const date = cleanDate(time ? v.slice(0, time.index).trim() : v, region);
  if (!date.ok || !date.value) return date.ok ? ok(null) : fail(`"${v}" is not a date and time`);
  const [h, mi, s] = time ? [+time[1]!, +time[2]!, +(time[3] ?? 0)] : [0, 0, 0];
  if (h > 23 || mi > 59 || s > 59) return fail(`"${v}" is not a real time`);
  return ok(`${date.value}T${pad(h)}:${pad(mi)}:${pad(s)}.000Z`);
}

const truthy = new Set(['true', 'yes', 'y', '1', 't', 'on', 'checked', 'x', '是', '是的', '对', '真', '有', '√', '✓']);
const falsy = new Set(['false', 'no', 'n', '0', 'f', 'off', 'unchecked', '否', '不', '不是', '错', '假', '无', '×', '✗']);
export function cleanBoolean(raw: string): Cleaned<boolean> {
  const v = raw.trim().toLowerCase();
  if (!v) return ok(null);
  if (truthy.has(v)) return ok(true);
  if (falsy.has(v)) return ok(false);
  return fail(`"${raw.trim()}" is not yes/no (true/false, 1/0, 是/否)`);
}

export function cleanNumber(raw: string): Cleaned<number> {
  const v = raw.trim().replace(/^[¥￥$€£]\s*/, '').replace(/[,\s]/g, '');
  if (!v) return ok(null);
  const n = Number(v);
  return Number.isFinite(n) ? ok(n) : fail(`"${raw.trim()}" is not a number`);
}

/** Matches the value to one of the options ignoring case and spacing, and answers the option as defined. */
export function cleanSelect(raw: string, options: readonly string[], aliases: Record<string, string> = {}): Cleaned<string> {
  const v = raw.replace(/\s+/g, ' ').trim();
  if (!v) return ok(null);
  const key = v.toLowerCase();
  const hit = options.find((o) => o.toLowerCase() === key) ?? aliases[key];
  return hit ? ok(hit) : fail(`"${v}" is not one of: ${options.join(', ')}`);
}

/** A list in one cell, split on ; , 、 | or new lines. */
export function splitList(raw: string): string[] {
  return raw.split(/[;,、|\n；，]+/).map((s) => s.trim()).filter(Boolean);
}

export function cleanMultiSelect(raw: string, options: readonly string[]): Cleaned<string[]> {
  const out: string[] = [];
  for (const part of splitList(raw)) {
    const c = cleanSelect(part, options);
    if (!c.ok) return c;
    if (c.value && !out.includes(c.value)) out.push(c.value);
  }
  return out.length ? ok(out) : ok(null);
}

/** A web domain from a URL or a bare domain: "https://www.Example.com/about" becomes example.com. */
export function cleanDomain(raw: string): Cleaned<string> {
  const v = raw.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/^www\./, '').replace(/[/?#].*$/, '');
  if (!v) return ok(null);
  return /^([a-z0-9-]+\.)+[a-z]{2,}$/.test(v) ? ok(v) : fail(`"${raw.trim()}" is not a domain such as example.com`);
}
