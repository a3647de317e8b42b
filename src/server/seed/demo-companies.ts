// Demo companies: Chinese and international, with domains, industries, sizes, revenue, addresses, tags and owners.
import { pinyin } from 'pinyin-pro';
import type { Db } from '../core/db/database.js';
import { createCompany } from '../modules/customers/index.js';
import { companyInput } from '../modules/customers/index.js';
import type { Staff, StaffMember } from './demo-accounts.js';
import { DAY, type Rand } from './demo-random.js';
import { runOn } from './demo-writers.js';
import type { Lang } from './demo-texts.js';
import { cnBrands, cnKinds, cnPlaces, companySizeWeights, companyTags, enBrands, enKinds, enLegal, revenueBySize, worldPlaces, type DemoTeam, type Place } from './demo-words.js';

export interface DemoCompany {
  id: string;
  name: string;
  domain: string;
  lang: Lang;
  place: Place;
  size: string;
  owner: StaffMember;
  team: DemoTeam;
}

const currencyOf: Record<string, string> = { CN: 'CNY', US: 'USD', GB: 'GBP', SG: 'SGD', AU: 'AUD', CA: 'CAD' };
const initials = (s: string) => pinyin(s, { pattern: 'first', toneType: 'none', separator: '' });

/** A street address in the local style: "浦东新区张江路 88 号" or "120 Market St". */
export function streetOf(r: Rand, place: Place): string {
  const street = r.pick(place.streets);
  return place.country === 'CN' ? `${street} ${r.int(1, 999)} 号` : `${r.int(1, 999)} ${street}`;
}

/** Sales reps carry more accounts than their managers. */
export function pickSeller(r: Rand, staff: Staff, team: DemoTeam, not?: StaffMember): StaffMember {
  const sellers = staff.sellersOf(team).filter((m) => m !== not);
  return r.weighted(sellers.map((m) => [m, m.spec.role === 'manager' ? 1 : 3] as const));
}

interface Draft {
  name: string;
  domain: string;
  lang: Lang;
  place: Place;
  industry: string;
}

function draftNames(r: Rand, count: number): Draft[] {
  const names = new Set<string>();
  const domains = new Set<string>();
  const out: Draft[] = [];
  while (out.length < count) {
    let d: Draft;
    if (r.chance(0.68)) {
      const place = r.pick(cnPlaces);
      const [brand, brandPy] = r.pick(cnBrands);
      const [kind, kindWord, industry] = r.pick(cnKinds);
      const listed = r.chance(0.15);
      const name = listed ? `${brand}${kind}股份有限公司` : `${place.city}${brand}${kind}有限公司`;
      let domain = `${brandPy}${kindWord}.${r.chance(0.5) ? 'com' : 'com.cn'}`;
      if (domains.has(domain)) domain = `${initials(place.city)}-${domain}`;
      d = { name, domain, lang: 'zh', place, industry };
    } else {
      const place = r.pick(worldPlaces);
      const brand = r.pick(enBrands);
      const [kind, industry] = r.pick(enKinds);
      const name = `${brand} ${kind} ${r.pick(enLegal)}`;
      d = { name, domain: `${brand}${kind}.com`.toLowerCase().replace(/\s+/g, ''), lang: 'en', place, industry };
    }
    if (names.has(d.name) || domains.has(d.domain)) continue;
    names.add(d.name);
    domains.add(d.domain);
    out.push(d);
  }
  return out;
}

export async function createDemoCompanies(writers: Db[], r: Rand, staff: Staff, count: number): Promise<DemoCompany[]> {
  const drafts = draftNames(r, count);
  const planned = drafts.map((d) => {
    const size = r.weighted(companySizeWeights);
    const [lo, hi] = revenueBySize[size]!;
    // Revenue in minor units (分/cents), rounded to a plausible figure.
    const revenue = Math.round((lo + r.next() * (hi - lo)) / 10_000) * 10_000 * 100;
    const owner = pickSeller(r, staff, d.place.team);
    const custom: Record<string, unknown> = {};
    if (r.chance(0.6)) custom.credit_limit = r.int(5, 200) * (d.lang === 'zh' ? 10_000 : 1_000);
    if (r.chance(0.35)) custom.contract_renewal = new Date(Date.now() + r.int(10, 360) * DAY).toISOString().slice(0, 10);
    const input = companyInput.parse({
      name: d.name,
      domain: d.domain,
      industry: d.industry,
      size,
      annualRevenue: r.chance(0.85) ? revenue : null,
      currency: currencyOf[d.place.country] ?? 'USD',
      address: { street: streetOf(r, d.place), city: d.place.city, region: d.place.region, postalCode: d.place.postalCode, country: d.place.country },
      ownerId: owner.actor.id,
      tags: r.some(companyTags, 0, 2),
      customFields: custom,
    });
    return { d, size, owner, input };
  });
  const out: DemoCompany[] = new Array(planned.length);
  await runOn(writers, planned, async ({ d, size, owner, input }, db, i) => {
    const c = await createCompany(db, owner.actor, input);
    out[i] = { id: c.id, name: c.name, domain: d.domain, lang: d.lang, place: d.place, size, owner, team: d.place.team };
  });
  return out;
}
