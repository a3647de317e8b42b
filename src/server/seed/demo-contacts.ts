// Demo contacts: Chinese and English people at the demo companies, spread over a realistic lifecycle funnel.
import { pinyin } from 'pinyin-pro';
import type { Db } from '../core/db/database.js';
import { createContact } from '../modules/customers/index.js';
import { contactInput, type ContactInput } from '../modules/customers/index.js';
import type { Staff, StaffMember } from './demo-accounts.js';
import { pickSeller, streetOf, type DemoCompany } from './demo-companies.js';
import type { Rand } from './demo-random.js';
import { runOn } from './demo-writers.js';
import type { Lang } from './demo-texts.js';
import { cnPlaces, cnTitles, contactTags, enTitles, sourceWeights, stageWeights, worldPlaces, type DemoTeam, type Place } from './demo-words.js';
import { cnFamily, cnGiven, enFamily, enGiven } from './names.js';

export interface DemoContact {
  id: string;
  displayName: string;
  /** How the timeline addresses them: the full name in Chinese, the given name in English. */
  callName: string;
  lang: Lang;
  stage: string;
  owner: StaffMember | null;
  team: DemoTeam;
}

const py = (s: string, surname = false) => pinyin(s, { toneType: 'none', type: 'array', ...(surname && { surname: 'all' as const }) }).join('').replace(/ü/g, 'v');
const cnMobilePrefixes = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '157', '158', '159', '166', '177', '180', '181', '186', '187', '188', '189', '199'];
const usAreas: Record<string, string[]> = { 'San Francisco': ['415', '628'], 'New York': ['212', '646'], Toronto: ['416', '647'] };
const digits = (r: Rand, n: number) => Array.from({ length: n }, () => r.int(0, 9)).join('');

/** Phones typed the way people type them; the service normalises them to E.164. */
function mobileOf(r: Rand, place: Place): string {
  switch (place.country) {
    case 'CN': {
      const [p, a, b] = [r.pick(cnMobilePrefixes), digits(r, 4), digits(r, 4)];
      return r.pick([`${p}${a}${b}`, `${p} ${a} ${b}`, `+86 ${p}-${a}-${b}`]);
    }
    case 'GB': return `+44 7${r.pick(['4', '5', '8'])}${digits(r, 2)} ${digits(r, 6)}`;
    case 'SG': return `+65 ${r.pick(['8', '9'])}${digits(r, 3)} ${digits(r, 4)}`;
    case 'AU': return `+61 4${r.pick(['0', '1', '2', '3', '6'])}${digits(r, 1)} ${digits(r, 3)} ${digits(r, 3)}`;
    default: return `+1 ${r.pick(usAreas[place.city] ?? ['415'])} ${r.int(200, 999)} ${digits(r, 4)}`;
  }
}
const officeOf = (r: Rand, place: Place): string | null => (place.landline ? `${place.landline}-${r.int(2, 8)}${digits(r, 7)}` : null);

const freeMail: Record<Lang, string[]> = { zh: ['qq.com', '163.com', '126.com', 'sina.com'], en: ['gmail.com', 'outlook.com', 'yahoo.com'] };

function birthday(r: Rand): string {
  return `${r.int(1962, 2000)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
}

function vipLevel(r: Rand, stage: string): string | undefined {
  if (stage === 'customer') return r.weighted([['金卡', 20], ['银卡', 35], ['普通', 45]] as const);
  if (stage === 'churned' || (stage === 'opportunity' && r.chance(0.2))) return '普通';
  return undefined;
}

export async function createDemoContacts(writers: Db[], r: Rand, staff: Staff, companies: DemoCompany[], count: number): Promise<DemoContact[]> {
  const sizeWeight: Record<string, number> = { '1-10': 1, '11-50': 2, '51-200': 3, '201-1000': 4, '1000+': 5 };
  const companyPool = companies.map((c) => [c, sizeWeight[c.size] ?? 1] as const);
  const marketing = staff.byRole('marketing');
  const usedEmails = new Set<string>();
  const unique = (local: string, domain: string) => {
    let email = `${local}@${domain}`;
    for (let n = 2; usedEmails.has(email); n++) email = `${local}${n}@${domain}`;
    usedEmails.add(email);
    return email;
  };

  const planned = Array.from({ length: count }, () => {
    const company = r.chance(0.85) ? r.weighted(companyPool) : null;
    const lang: Lang = company ? (r.chance(company.lang === 'zh' ? 0.93 : 0.22) ? 'zh' : 'en') : r.chance(0.65) ? 'zh' : 'en';
    const place = company?.place ?? (lang === 'zh' ? r.pick(cnPlaces) : r.pick(worldPlaces));
    const stage = r.weighted(stageWeights);
    const [family, given] = lang === 'zh' ? [r.pick(cnFamily), r.pick(cnGiven)] : [r.pick(enFamily), r.pick(enGiven)];
    const [familyLatin, givenLatin] = lang === 'zh' ? [py(family, true), py(given)] : [family.toLowerCase(), given.toLowerCase()];

    const emails: string[] = [];
    if (company && r.chance(0.85)) emails.push(unique(lang === 'zh' && r.chance(0.5) ? `${familyLatin}.${givenLatin}` : `${givenLatin}.${familyLatin}`, company.domain));
    if (!emails.length || r.chance(0.15)) {
      const domain = r.pick(freeMail[lang]);
      emails.push(unique(domain === 'qq.com' && r.chance(0.5) ? String(r.int(100_000_000, 2_999_999_999)) : `${familyLatin}${givenLatin}${r.int(1, 99)}`, domain));
    }
    if (r.chance(0.05)) emails.length = 0;
    const phones: string[] = [];
    if (r.chance(0.9)) phones.push(mobileOf(r, place));
    const office = company && r.chance(0.3) ? officeOf(r, place) : null;
    if (office) phones.push(office);

    const team = company?.team ?? place.team;
    const unassigned = stage === 'subscriber' && r.chance(0.4);
    const owner = unassigned ? null : company && r.chance(0.75) ? company.owner : pickSeller(r, staff, team);
    // Marketing captures most subscribers and many web leads; sales reps enter the rest themselves.
    const byMarketing = unassigned || ((stage === 'subscriber' || stage === 'lead') && r.chance(0.5));
    const actor = byMarketing || !owner ? r.pick(marketing) : owner;
    const source = stage === 'subscriber' ? r.weighted([['website', 5], ['advertising', 3], ['wechat', lang === 'zh' ? 4 : 0]] as const) : r.weighted(sourceWeights);

    const custom: Record<string, unknown> = {};
    const vip = vipLevel(r, stage);
    if (vip) custom.vip_level = vip;
    if (lang === 'zh' && r.chance(0.6)) custom.wechat_id = r.chance(0.5) ? `${familyLatin}${givenLatin}${r.int(1, 9999)}` : `wxid_${digits(r, 10)}`;
    if (r.chance(0.7)) custom.preferred_language = lang === 'zh' ? '中文' : 'English';

    const tags = r.some(contactTags, 0, 2);
    if (stage === 'subscriber' && !tags.includes('newsletter')) tags.push('newsletter');
    const input: ContactInput = contactInput.parse({
      givenName: given,
      familyName: family,
      title: r.chance(0.85) ? r.pick(lang === 'zh' ? cnTitles : enTitles) : null,
      companyId: company?.id ?? null,
      emails,
      phones,
      address: r.chance(0.7) ? { street: streetOf(r, place), city: place.city, region: place.region, postalCode: place.postalCode, country: place.country } : null,
      birthday: r.chance(0.55) ? birthday(r) : null,
      source,
      lifecycleStage: stage,
      ownerId: owner?.actor.id ?? null,
      tags,
      // Statuses, not booleans (false would record an opt-out); churned customers have unsubscribed from email.
      consent: {
        email: stage === 'subscriber' || r.chance(0.55) ? 'granted' : stage === 'churned' ? 'withdrawn' : 'unknown',
        sms: r.chance(lang === 'zh' ? 0.35 : 0.15) ? 'granted' : 'unknown',
        phone: r.chance(0.25) ? 'granted' : 'unknown',
      },
      consentSource: 'form',
      customFields: custom,
    });
    return { input, actor, owner, lang, stage, team, callName: lang === 'zh' ? family + given : given };
  });

  const out: DemoContact[] = new Array(planned.length);
  await runOn(writers, planned, async (p, db, i) => {
    const c = await createContact(db, p.actor.actor, p.input);
    out[i] = { id: c.id, displayName: c.displayName, callName: p.callName, lang: p.lang, stage: p.stage, owner: p.owner, team: p.team };
  });
  return out;
}
