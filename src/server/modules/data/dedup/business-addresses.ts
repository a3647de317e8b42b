// Tells business addresses from homes: an address that a company uses (its own address, or two of its contacts'),
// or that people of three or more family names share, is an office. It forms no household and is no evidence that two
// people are one, however many colleagues carry it (Salesforce-style rows repeat the company's street on every contact).
import { nameTokens } from './name-tokens.js';

const DISTINCT_FAMILIES = 3;

/** The family name's comparable token: given family name, else the Chinese first character, else the last word. */
export function familyToken(displayName: string, familyName: string | null): { token: string; label: string } | null {
  if (familyName?.trim()) return { token: nameTokens(familyName.trim()).tokens.join(''), label: familyName.trim() };
  const t = nameTokens(displayName).tokens;
  if (t.length < 2) return null;
  const cjk = /[\u3400-\u9fff]/.test(displayName);
  return cjk ? { token: t[0]!, label: [...displayName][0]! } : { token: t[t.length - 1]!, label: displayName.trim().split(/\s+/).pop()! };
}

export class BusinessAddresses {
  private families = new Map<string, Set<string>>();
  private companies = new Map<string, Map<string, number>>();
  private offices = new Set<string>();

  /** Notes one contact at a normalised address ('' = none); `atCompanyAddress` when it is their company's own. */
  add(address: string, family: string | null, companyId: string | null, atCompanyAddress = false): void {
    if (!address || this.offices.has(address)) return;
    if (atCompanyAddress) return void this.offices.add(address);
    if (family) {
      let f = this.families.get(address);
      if (!f) this.families.set(address, (f = new Set()));
      f.add(family);
      if (f.size >= DISTINCT_FAMILIES) return this.office(address);
    }
    if (companyId) {
      let c = this.companies.get(address);
      if (!c) this.companies.set(address, (c = new Map()));
      const n = (c.get(companyId) ?? 0) + 1;
      c.set(companyId, n);
      if (n >= 2) this.office(address);
    }
  }

  isBusiness(address: string): boolean {
    return this.offices.has(address);
  }

  private office(address: string): void {
    this.offices.add(address);
    this.families.delete(address);
    this.companies.delete(address);
  }
}
