// The match score of two contacts (0–1) and the reasons behind it, so a person reviewing the queue sees why.
// Evidence adds up: a shared email or phone is strong, a near-identical name is strong only with a shared company,
// domain or address; conflicting facts (different birthdays, entirely different contact details) take away.
import { jaroWinkler } from './jaro-winkler.js';
import type { ContactFeatures } from './contact-features.js';

export interface MatchReason {
  field: 'email' | 'phone' | 'name' | 'company' | 'domain' | 'address' | 'birthday' | 'contact';
  kind: 'same' | 'similar' | 'conflict';
  detail: string;
  weight: number;
}

export interface Match {
  score: number;
  reasons: MatchReason[];
}

const shared = (a: string[], b: string[]) => a.find((x) => b.includes(x));

/** Name similarity: Jaro-Winkler on the sorted tokens, or token by token when that aligns better. */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return a ? 1 : 0;
  if (!a || !b) return 0;
  const whole = jaroWinkler(a, b);
  const ta = a.split(' ');
  const tb = b.split(' ');
  if (ta.length === 1 || tb.length === 1) return Math.max(whole, jaroWinkler(ta.join(''), tb.join('')));
  // Each token of the shorter name to its best partner: "smith jon" ~ "smith john" despite the sort.
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  let sum = 0;
  for (const t of short) {
    let best = 0;
    for (const u of long) best = Math.max(best, jaroWinkler(t, u));
    sum += best;
  }
  const tokenwise = (sum / short.length) * (short.length / long.length) ** 0.25;
  return Math.max(whole, tokenwise);
}

export function scorePair(a: ContactFeatures, b: ContactFeatures): Match {
  const reasons: MatchReason[] = [];
  const add = (field: MatchReason['field'], kind: MatchReason['kind'], detail: string, weight: number) => reasons.push({ field, kind, detail, weight });
  const email = shared(a.emails, b.emails);
  if (email) add('email', 'same', email, 0.5);
  const phone = shared(a.phones, b.phones);
  if (phone) add('phone', 'same', phone, 0.4);
  const sim = nameSimilarity(a.name, b.name);
  const via = a.pinyin || b.pinyin ? ' (compared as pinyin)' : '';
  if (sim >= 0.8) add('name', sim === 1 ? 'same' : 'similar', `${a.name} ~ ${b.name}: ${sim.toFixed(2)}${via}`, round(0.5 * ((sim - 0.8) / 0.2)));
  else if (sim < 0.6) add('name', 'conflict', `${a.name} vs ${b.name}: ${sim.toFixed(2)}`, -0.2);
  if (a.companyId && a.companyId === b.companyId) add('company', 'same', a.companyId, 0.15);
  else {
    const domain = shared(a.domains, b.domains);
    if (domain) add('domain', 'same', domain, 0.15);
  }
  if (a.address && b.address) {
    const s = a.address === b.address ? 1 : jaroWinkler(a.address, b.address);
    if (s >= 0.92) add('address', s === 1 ? 'same' : 'similar', `${a.address.split('|')[0]}: ${s.toFixed(2)}`, 0.15);
  }
  if (a.birthday && b.birthday && a.birthday !== b.birthday) add('birthday', 'conflict', `${a.birthday} vs ${b.birthday}`, -0.3);
  // Reachable, yet by different emails (or phones) and none in common: more likely two people than one.
  if (!email && !phone && ((a.emails.length && b.emails.length) || (a.phones.length && b.phones.length))) add('contact', 'conflict', 'no email or phone in common', -0.1);
  const total = reasons.reduce((s, r) => s + r.weight, 0);
  return { score: round(Math.max(0, Math.min(1, total))), reasons };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
