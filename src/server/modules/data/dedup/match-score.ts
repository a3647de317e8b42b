// The match score of two contacts (0–1) and the reasons behind it, so a person reviewing the queue sees why.
// Evidence adds up: a shared email or phone is strong, a near-identical name is strong only with a shared company,
// domain or address and weaker the more people in that organisation carry it; conflicting facts (different birthdays,
// different mobiles or personal emails, entirely different contact details) take away.
import { jaroWinkler } from './jaro-winkler.js';
import type { ContactFeatures } from './contact-features.js';

export interface MatchReason {
  field: 'email' | 'phone' | 'name' | 'company' | 'domain' | 'address' | 'birthday' | 'contact';
  kind: 'same' | 'similar' | 'conflict';
  /** English fallback for older readers; people read the web's translation of field/kind/params. */
  detail: string;
  weight: number;
  /**
   * What the web needs to say it in words: value (the shared email/phone/domain/address), a/b (the two differing
   * values), similarity (0–1), pinyin (compared as pinyin), sharedBy (people with that name in the organisation),
   * which ('mobile' | 'personal' | 'work' | 'any': which contact details conflict). Never a record id.
   */
  params: Record<string, string | number | boolean>;
}

export interface Match {
  score: number;
  reasons: MatchReason[];
}

const shared = (a: string[], b: string[]) => a.find((x) => b.includes(x));
const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1);

/** Name similarity: Jaro-Winkler on the sorted tokens, or token by token when that aligns better. */
export function nameSimilarity(a: string, b: string, ta = a.split(' '), tb = b.split(' ')): number {
  if (a === b) return a ? 1 : 0;
  if (!a || !b) return 0;
  const whole = jaroWinkler(a, b);
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

/**
 * Name similarity of two contacts. Spacing and order do not matter ("Si Ma Qiang" = 司马强). Where a Chinese name
 * is involved only an exact pinyin match counts: 曹伟/曹飞 differ by one syllable yet are different names, and a
 * mistyped Chinese name is a homophone (张伟/张玮), which pinyin already equates.
 */
export function contactNameSimilarity(a: ContactFeatures, b: ContactFeatures): number {
  if (a.name === b.name || a.compact[0] === b.compact[0] || a.compact[0] === b.compact[1]) return a.name ? 1 : 0;
  const sim = nameSimilarity(a.name, b.name, a.tokens, b.tokens);
  return a.pinyin || b.pinyin ? Math.min(sim, 0.79) : sim;
}

/**
 * Scores a pair; with explain = false only the score is computed (no reason texts), which is what detection does for
 * every candidate before explaining the few that reach the threshold. Written without per-call closures: it is hot.
 */
export function scorePair(a: ContactFeatures, b: ContactFeatures, explain = true, threshold = 0): Match {
  const reasons: MatchReason[] = [];
  let total = 0;
  const email = shared(a.emails, b.emails);
  if (email) {
    total += 0.5;
    if (explain) reasons.push({ field: 'email', kind: 'same', detail: email, weight: 0.5, params: { value: email } });
  }
  const phone = shared(a.phones, b.phones);
  if (phone) {
    total += 0.4;
    if (explain) reasons.push({ field: 'phone', kind: 'same', detail: phone, weight: 0.4, params: { value: phone, mobile: a.mobiles.includes(phone) } });
  }
  if (a.companyId && a.companyId === b.companyId) {
    total += 0.15;
    if (explain) reasons.push({ field: 'company', kind: 'same', detail: 'same company', weight: 0.15, params: {} });
  } else {
    const domain = shared(a.domains, b.domains);
    if (domain) {
      total += 0.15;
      if (explain) reasons.push({ field: 'domain', kind: 'same', detail: domain, weight: 0.15, params: { value: domain } });
    }
  }
  // An office address that colleagues share says nothing about whether two of them are one person.
  if (a.address && b.address && !a.businessAddress && !b.businessAddress) {
    const s = a.address === b.address ? 1 : jaroWinkler(a.address, b.address);
    if (s >= 0.92) {
      total += 0.15;
      if (explain) reasons.push({ field: 'address', kind: s === 1 ? 'same' : 'similar', detail: `${a.address.split('|')[0]}: ${s.toFixed(2)}`, weight: 0.15, params: { value: a.address.split('|')[0]!, similarity: round(s) } });
    }
  }
  if (a.birthday && b.birthday && a.birthday !== b.birthday) {
    total -= 0.3;
    if (explain) reasons.push({ field: 'birthday', kind: 'conflict', detail: `${a.birthday} vs ${b.birthday}`, weight: -0.3, params: { a: a.birthday, b: b.birthday } });
  }
  // A person has one mobile and one personal mailbox (at a time): two different ones speak clearly against a match.
  const mobileConflict = !phone && a.mobiles.length > 0 && b.mobiles.length > 0 && !shared(a.mobiles, b.mobiles);
  if (mobileConflict) {
    total -= 0.25;
    if (explain) reasons.push({ field: 'phone', kind: 'conflict', detail: 'different mobile numbers', weight: -0.25, params: { which: 'mobile' } });
  }
  const personalConflict = !email && a.personalEmails.length > 0 && b.personalEmails.length > 0;
  if (personalConflict) {
    total -= 0.2;
    if (explain) reasons.push({ field: 'email', kind: 'conflict', detail: 'different personal emails', weight: -0.2, params: { which: 'personal' } });
  }
  if (!mobileConflict && !personalConflict && !email && !phone && ((a.emails.length && b.emails.length) || (a.phones.length && b.phones.length))) {
    // Reachable, yet by different emails (or phones) and none in common: more likely two people than one.
    total -= 0.1;
    if (explain) reasons.push({ field: 'contact', kind: 'conflict', detail: 'no email or phone in common', weight: -0.1, params: { which: 'any' } });
  }
  if (!email && a.emails.length && b.emails.length && differentWorkEmails(a, b)) {
    // Work addresses are one per person: two different ones at the same organisation are two colleagues.
    total -= 0.1;
    if (explain) reasons.push({ field: 'email', kind: 'conflict', detail: 'different work emails at the same domain', weight: -0.1, params: { which: 'work' } });
  }
  // The name is the costly part: skip it when even a perfect name could not lift the pair to the threshold.
  if (!explain && total + 0.5 < threshold) return { score: 0, reasons };
  const sim = contactNameSimilarity(a, b);
  if (sim >= 0.8) {
    // A name carried by many people in the same organisation weighs less (term frequency, as Splink weighs it).
    const common = Math.max(a.nameCount, b.nameCount);
    const w = round(0.5 * ((sim - 0.8) / 0.2) * commonNameFactor(common));
    total += w;
    if (explain) reasons.push({ field: 'name', kind: sim === 1 ? 'same' : 'similar', detail: `${a.name} ~ ${b.name}: ${sim.toFixed(2)}${a.pinyin || b.pinyin ? ' (compared as pinyin)' : ''}${common > 2 ? ` (a name ${common} people share in this organisation)` : ''}`, weight: w, params: { similarity: round(sim), pinyin: a.pinyin || b.pinyin, sharedBy: common } });
  } else if (sim < 0.6) {
    total -= 0.2;
    if (explain) reasons.push({ field: 'name', kind: 'conflict', detail: `${a.name} vs ${b.name}: ${sim.toFixed(2)}`, weight: -0.2, params: { similarity: round(sim) } });
  }
  return { score: round(Math.max(0, Math.min(1, total))), reasons };
}

/** 1 for a name at most two contacts in the organisation carry (a person and their duplicate), then √(2/n). */
export const commonNameFactor = (count: number) => (count <= 2 ? 1 : Math.sqrt(2 / count));

function differentWorkEmails(a: ContactFeatures, b: ContactFeatures): boolean {
  for (const x of a.emails) {
    const d = domainOf(x);
    if (!a.domains.includes(d)) continue;
    for (const y of b.emails) if (x !== y && domainOf(y) === d) return true;
  }
  return false;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
