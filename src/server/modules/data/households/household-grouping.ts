// Finds households: contacts sharing a normalised home address and family name, or a shared home (fixed-line) phone,
// joined into groups with union-find. A key shared by too many contacts (an office switchboard) is ignored, and so is
// a business address (business-addresses.ts).
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Db } from '../../../core/db/database.js';
import { scanContactsForMatching } from '../../customers/index.js';
import { normaliseAddress } from '../dedup/contact-features.js';
import { BusinessAddresses, familyToken } from '../dedup/business-addresses.js';

const MAX_KEY_MEMBERS = 12;

export interface FoundHousehold {
  contactIds: string[];
  basis: string;
  name: string;
  address: string | null;
}

const homePhoneCache = new Map<string, boolean>();
function isHomePhone(e164: string): boolean {
  let v = homePhoneCache.get(e164);
  if (v === undefined) {
    const type = parsePhoneNumberFromString(e164)?.getType();
    v = type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE';
    if (homePhoneCache.size > 100_000) homePhoneCache.clear();
    homePhoneCache.set(e164, v);
  }
  return v;
}

export async function findHouseholds(db: Db, onBatch?: (scanned: number) => Promise<void>): Promise<FoundHousehold[]> {
  const ids: string[] = [];
  const labels: string[] = [];
  const addresses: (string | null)[] = [];
  const keyMembers = new Map<string, number[]>();
  const keyBasis = new Map<string, string>();
  const keyAddress = new Map<string, string>();
  const offices = new BusinessAddresses();
  let after: string | null = null;
  for (;;) {
    const rows = await scanContactsForMatching(db.kysely, after, 5000);
    for (const r of rows) {
      const i = ids.push(r.id) - 1;
      const fam = familyToken(r.displayName, r.familyName);
      labels.push(fam?.label ?? r.displayName);
      addresses.push(r.address);
      const keys: [string, string][] = [];
      const { address } = normaliseAddress(r.address);
      offices.add(address, fam?.token ?? null, r.companyId, address !== '' && !!r.companyAddress && normaliseAddress(r.companyAddress).address === address);
      if (address && fam) {
        keys.push([`a${address}|${fam.token}`, 'address+family']);
        keyAddress.set(`a${address}|${fam.token}`, address);
      }
      for (const p of JSON.parse(r.phones) as string[]) if (isHomePhone(p)) keys.push([`h${p}`, 'home phone']);
      for (const [k, basis] of keys) {
        const m = keyMembers.get(k);
        if (!m) {
          keyMembers.set(k, [i]);
          keyBasis.set(k, basis);
        } else if (m.length <= MAX_KEY_MEMBERS) m.push(i);
      }
    }
    if (rows.length) after = rows[rows.length - 1]!.id;
    await onBatch?.(ids.length);
    if (rows.length < 5000) break;
  }
  const parent = new Int32Array(ids.length).map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  // An office (a company's address, or one that several families share) is no household, whoever works there.
  const usable = [...keyMembers].filter(([k, m]) => m.length >= 2 && m.length <= MAX_KEY_MEMBERS && !offices.isBusiness(keyAddress.get(k) ?? ''));
  for (const [, m] of usable) for (const x of m.slice(1)) parent[find(x)] = find(m[0]!);
  const basisOf = new Map<number, Set<string>>();
  for (const [k, m] of usable) {
    const root = find(m[0]!);
    const b = basisOf.get(root);
    if (b) b.add(keyBasis.get(k)!);
    else basisOf.set(root, new Set([keyBasis.get(k)!]));
  }
  const groups = new Map<number, number[]>();
  for (const root of basisOf.keys()) groups.set(root, []);
  for (let i = 0; i < ids.length; i++) groups.get(find(i))?.push(i);
  const out: FoundHousehold[] = [];
  for (const [root, members] of groups) {
    if (members.length < 2) continue;
    const bases = basisOf.get(root)!;
    const first = members[0]!;
    const cjk = /[\u3400-\u9fff]/.test(labels[first]!);
    out.push({ contactIds: members.map((i) => ids[i]!), basis: [...bases].sort().join(', ') || 'address+family', name: cjk ? `${labels[first]}家` : `${labels[first]} household`, address: bases.has('address+family') ? addresses[first]! : null });
  }
  return out;
}
