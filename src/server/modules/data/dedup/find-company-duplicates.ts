// Duplicate companies: blocked by domain and by the start of the name without its legal form ("Acme Inc." and
// "ACME Ltd" both block as "acme"), scored on domain, name similarity (Jaro-Winkler) and address.
import type { Db } from '../../../core/db/database.js';
import { scanCompaniesForMatching } from '../../customers/index.js';
import { BlockingIndex } from './blocking-index.js';
import { normaliseAddress } from './contact-features.js';
import { jaroWinkler } from './jaro-winkler.js';
import type { FoundPair } from './find-duplicates.js';
import type { MatchReason } from './match-score.js';

const legalForms = /\b(inc|incorporated|ltd|limited|llc|llp|plc|co|corp|corporation|company|gmbh|ag|sa|bv|pte|pty)\b\.?|(股份有限公司|有限责任公司|有限公司|股份公司|公司)$/g;

export function companyNameKey(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[.,&()'’"-]/g, ' ').replace(legalForms, ' ').replace(/\s+/g, ' ').trim();
}

interface CompanyFeatures {
  id: string;
  name: string;
  key: string;
  domain: string | null;
  address: string;
}

export function scoreCompanies(a: CompanyFeatures, b: CompanyFeatures): { score: number; reasons: MatchReason[] } {
  const reasons: MatchReason[] = [];
  if (a.domain && a.domain === b.domain) reasons.push({ field: 'domain', kind: 'same', detail: a.domain, weight: 0.6, params: { value: a.domain } });
  else if (a.domain && b.domain) reasons.push({ field: 'domain', kind: 'conflict', detail: `${a.domain} vs ${b.domain}`, weight: -0.2, params: { a: a.domain, b: b.domain } });
  const sim = a.key === b.key ? 1 : jaroWinkler(a.key, b.key);
  if (sim >= 0.85) reasons.push({ field: 'name', kind: sim === 1 ? 'same' : 'similar', detail: `${a.name} ~ ${b.name}: ${sim.toFixed(2)}`, weight: Math.round(0.5 * ((sim - 0.85) / 0.15) * 1000) / 1000 + 0.05, params: { similarity: Math.round(sim * 1000) / 1000 } });
  else if (sim < 0.6) reasons.push({ field: 'name', kind: 'conflict', detail: `${a.name} vs ${b.name}: ${sim.toFixed(2)}`, weight: -0.3, params: { similarity: Math.round(sim * 1000) / 1000 } });
  if (a.address && a.address === b.address) reasons.push({ field: 'address', kind: 'same', detail: a.address.split('|')[0]!, weight: 0.1, params: { value: a.address.split('|')[0]! } });
  const total = reasons.reduce((s, r) => s + r.weight, 0);
  return { score: Math.round(Math.max(0, Math.min(1, total)) * 1000) / 1000, reasons };
}

export async function findCompanyDuplicates(db: Db, threshold: number): Promise<{ pairs: FoundPair[]; scanned: number }> {
  const index = new BlockingIndex(50);
  const records: CompanyFeatures[] = [];
  let after: string | null = null;
  for (;;) {
    const rows = await scanCompaniesForMatching(db.kysely, after, 10_000);
    for (const r of rows) {
      const f: CompanyFeatures = { id: r.id, name: r.name, key: companyNameKey(r.name), domain: r.domain?.replace(/^www\./, '') ?? null, address: normaliseAddress(r.address).address };
      const i = records.push(f) - 1;
      if (f.domain) index.add(i, 'd' + f.domain);
      if (f.key) index.add(i, 'n' + [...f.key.replace(/\s/g, '')].slice(0, 4).join(''));
    }
    if (rows.length) after = rows[rows.length - 1]!.id;
    if (rows.length < 10_000) break;
  }
  const pairs: FoundPair[] = [];
  for (const [i, j] of index.pairs()) {
    const [a, b] = [records[i]!, records[j]!];
    const m = scoreCompanies(a, b);
    if (m.score >= threshold) pairs.push(a.id < b.id ? { aId: a.id, bId: b.id, ...m } : { aId: b.id, bId: a.id, ...m });
  }
  return { pairs, scanned: records.length };
}
