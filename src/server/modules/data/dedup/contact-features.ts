// What duplicate detection compares about a contact, normalised once per contact: emails, E.164 phones, name tokens
// (pinyin for Chinese), company and organisation domains, address; and the blocking keys that bring candidates together.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { parsePhoneNumberFromString as parseWithTypes } from 'libphonenumber-js/max';
import { compactForms, nameTokens } from './name-tokens.js';
import { BusinessAddresses, familyToken } from './business-addresses.js';

export interface ContactScanRow {
  id: string;
  displayName: string;
  familyName: string | null;
  companyId: string | null;
  companyDomain?: string | null;
  companyAddress?: string | null;
  emails: string;
  phones: string;
  address: string | null;
  birthday: string | null;
}

export interface ContactFeatures {
  id: string;
  name: string; // sorted tokens
  tokens: string[]; // the same tokens, sorted, as an array
  compact: [string, string]; // the tokens run together, in both orders
  pinyin: boolean;
  emails: string[];
  phones: string[];
  /** The phones that are surely mobiles, and the emails at free-mail domains: one per person, so two different ones
   * speak against a match. */
  mobiles: string[];
  personalEmails: string[];
  companyId: string | null;
  domains: string[]; // the company's domain and work (non-free-mail) email domains
  address: string; // normalised street + city, '' when unknown
  city: string;
  family: string | null; // the family name's token, for telling offices from homes
  atCompanyAddress: boolean;
  /** Set after the scan: the address is an office (business-addresses.ts), which says nothing about who is who. */
  businessAddress: boolean;
  birthday: string | null;
  /** How many contacts carry this exact name in the same organisation (set after the scan; 1 until then). */
  nameCount: number;
}

const freeMail = new Set(['gmail.com', 'googlemail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'live.com', 'msn.com', 'icloud.com', 'me.com', 'aol.com', 'protonmail.com', 'proton.me', 'qq.com', '163.com', '126.com', 'yeah.net', 'sina.com', 'sina.cn', 'sohu.com', 'foxmail.com', 'aliyun.com', '139.com', 'gmx.de', 'web.de', 'mail.ru', 'yandex.ru']);

/** Lower-cased, trimmed, "+tag" removed from the local part (anna+news@x.com is anna@x.com). */
export function normaliseEmail(e: string): string {
  const s = e.trim().toLowerCase();
  const at = s.lastIndexOf('@');
  if (at < 0) return s;
  const plus = s.indexOf('+');
  return plus > 0 && plus < at ? s.slice(0, plus) + s.slice(at) : s;
}

/** E.164; stored phones already are, so the parser runs only for numbers that arrived some other way. */
export function normalisePhone(p: string, region: string): string | null {
  if (/^\+\d{6,15}$/.test(p)) return p;
  const parsed = parsePhoneNumberFromString(p.trim(), region as CountryCode);
  return parsed && parsed.isValid() ? parsed.number : null;
}

/** True for a number that can only be a mobile; a number that may be either (US, Canada) is not counted. Mainland
 * China's mobiles are recognised by their prefix without parsing, as they are most of the numbers here. */
export function isMobile(e164: string): boolean {
  if (e164.startsWith('+86')) return /^\+861[3-9]\d{9}$/.test(e164);
  return parseWithTypes(e164)?.getType() === 'MOBILE';
}

const streetWords: Record<string, string> = { st: 'street', rd: 'road', ave: 'avenue', av: 'avenue', blvd: 'boulevard', dr: 'drive', ln: 'lane', apt: 'apartment', no: 'number', fl: 'floor' };

/** An address as one comparable string: lower case, punctuation dropped, common abbreviations spelled out. */
export function normaliseAddress(raw: string | null): { address: string; city: string } {
  if (!raw) return { address: '', city: '' };
  let a: Record<string, string | null | undefined>;
  try {
    a = JSON.parse(raw);
  } catch {
    return { address: '', city: '' };
  }
  const clean = (s: string | null | undefined) =>
    (s ?? '')
      .toLowerCase()
      .replace(/[.,#()\-/]+/g, ' ')
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => streetWords[w] ?? w)
      .join(' ')
      .replace(/\s*([\u3400-\u9fff])\s*/g, '$1');
  const street = clean(a.street);
  const city = clean(a.city).replace(/市$/, '');
  return { address: street ? `${street}|${city}|${clean(a.postalCode)}` : '', city };
}

function parseList(json: string): string[] {
  try {
    const v = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function contactFeatures(r: ContactScanRow, region: string): ContactFeatures {
  const n = nameTokens(r.displayName, r.familyName);
  const emails = [...new Set(parseList(r.emails).map(normaliseEmail))];
  const phones = [...new Set(parseList(r.phones).map((p) => normalisePhone(p, region)).filter((p): p is string => p !== null))];
  const domains = new Set<string>();
  if (r.companyDomain) domains.add(r.companyDomain.toLowerCase());
  for (const e of emails) {
    const d = e.slice(e.lastIndexOf('@') + 1);
    if (d && !freeMail.has(d)) domains.add(d);
  }
  const { address, city } = normaliseAddress(r.address);
  const tokens = [...n.tokens].sort();
  const mobiles = phones.filter(isMobile);
  const atCompanyAddress = address !== '' && !!r.companyAddress && normaliseAddress(r.companyAddress).address === address;
  const personalEmails = emails.filter((e) => freeMail.has(e.slice(e.lastIndexOf('@') + 1)));
  return { id: r.id, name: tokens.join(' '), tokens, compact: compactForms(n.tokens), pinyin: n.pinyin, emails, phones, mobiles, personalEmails, companyId: r.companyId, domains: [...domains], address, city, family: familyToken(r.displayName, r.familyName)?.token ?? null, atCompanyAddress, businessAddress: false, birthday: r.birthday, nameCount: 1 };
}

/** The organisation a contact's name is compared within: its company, else its work email domain. */
export const nameScope = (f: ContactFeatures): string | null => (f.companyId ? 'c' + f.companyId : f.domains[0] ? 'd' + f.domains[0] : null);

/**
 * Term frequency of names within their organisation: a name shared by many people at one company (赵敏 ×12) says
 * little about whether two of them are one person. Counted over the whole scan, then stored on each contact.
 */
export function countNamesInScope(records: ContactFeatures[]): void {
  const counts = new Map<string, number>();
  const keyOf = (f: ContactFeatures) => {
    const scope = nameScope(f);
    return scope && f.name ? `${scope}\u0000${f.name}` : null;
  };
  for (const f of records) {
    const k = keyOf(f);
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  for (const f of records) {
    const k = keyOf(f);
    f.nameCount = k ? counts.get(k)! : 1;
  }
}

/** Marks the contacts whose address turned out to be an office once every contact was seen. */
export function markBusinessAddresses(records: ContactFeatures[]): void {
  const offices = new BusinessAddresses();
  for (const f of records) offices.add(f.address, f.family, f.companyId, f.atCompanyAddress);
  for (const f of records) f.businessAddress = offices.isBusiness(f.address);
}

/** A name token's blocking form: its first 4 letters, so a typo later in the word still meets its twin. */
const tokenBlock = (t: string) => t.slice(0, 4);

/**
 * Blocking keys: exact emails and phones, and name tokens within a scope that makes a shared name meaningful
 * (same company, same organisation domain, same street address). Only contacts sharing a key are ever compared.
 */
export function blockingKeys(f: ContactFeatures): string[] {
  const keys: string[] = [];
  for (const e of f.emails) keys.push('e' + e);
  for (const p of f.phones) keys.push('p' + p);
  const blocks = [...new Set(f.name.split(' ').filter((t) => t.length >= 2).map(tokenBlock))];
  for (const b of blocks) {
    if (f.companyId) keys.push(`c${f.companyId}:${b}`);
    for (const d of f.domains) keys.push(`d${d}:${b}`);
    if (f.address) keys.push(`a${f.address}:${b}`);
  }
  return keys;
}
