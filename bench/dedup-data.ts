// Synthetic contacts for the dedup benchmark with known truth: distinct base people, plus planted duplicates of some
// of them (email case, phone formatting, name typos, a Chinese name written in pinyin), so precision and recall can
// be measured. Rows go straight into the contacts table (no search rows: detection does not read them).
import { sql } from 'kysely';
import type { Db } from '../src/server/core/db/database.js';
import { newId } from '../src/server/core/ids.js';
import { cnFamily, pinyinOf, rng } from '../src/server/seed/names.js';
import { pinyin } from 'pinyin-pro';

export const variantKinds = ['email-case', 'phone-format', 'typo+email', 'typo+company', 'pinyin+company'] as const;
export type VariantKind = (typeof variantKinds)[number];

export interface Truth {
  pairs: Map<string, VariantKind>; // "idA|idB" (sorted) → how the duplicate was made
  contacts: number;
}

const cnGivenChars = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华慧巧美霞平刚桂兰玉萍红建国志文斌浩宇轩然梓涵子晨欣怡佳琪雨嘉博思源俊凯鑫鹏飞'.split('');
const enGiven = ['James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Christopher', 'Lisa', 'Daniel', 'Nancy', 'Matthew', 'Betty', 'Anthony', 'Margaret', 'Mark', 'Sandra', 'Donald', 'Ashley', 'Steven', 'Kimberly', 'Paul', 'Emily', 'Andrew', 'Donna', 'Joshua', 'Michelle', 'Kenneth', 'Carol', 'Kevin', 'Amanda', 'Brian', 'Melissa', 'George', 'Deborah', 'Timothy', 'Stephanie', 'Ronald', 'Rebecca', 'Edward', 'Sharon', 'Jason', 'Laura', 'Jeffrey', 'Cynthia', 'Ryan', 'Kathleen', 'Jacob', 'Amy', 'Gary', 'Angela', 'Nicholas', 'Shirley', 'Eric', 'Anna', 'Jonathan', 'Brenda', 'Stephen', 'Pamela', 'Larry', 'Emma', 'Justin', 'Nicole', 'Scott', 'Helen', 'Brandon', 'Samantha'];
const famA = ['Ander', 'Ash', 'Black', 'Brad', 'Carl', 'Dal', 'Ed', 'Fair', 'Gold', 'Hart', 'Holm', 'Kings', 'Lang', 'Mor', 'Nor', 'Ox', 'Ram', 'Sand', 'Stan', 'Thorn', 'Wal', 'Whit', 'Win', 'Wood', 'Brook', 'Clay', 'Fen', 'Hale', 'Mar', 'Pem'];
const famB = ['son', 'ley', 'ton', 'field', 'wood', 'ford', 'man', 'well', 'by', 'worth', 'more', 'er', 'hill', 'ham', 'stone'];
const cities = ['Shanghai', 'Beijing', 'Shenzhen', 'Hangzhou', 'London', 'Toronto'];

/** One realistic typo: two letters swapped, one dropped, or one replaced by its keyboard neighbour. */
function typo(r: () => number, name: string): string {
  const chars = [...name];
  const i = 1 + Math.floor(r() * (chars.length - 2));
  const kind = Math.floor(r() * 3);
  if (kind === 0) [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!];
  else if (kind === 1) chars.splice(i, 1);
  else chars[i] = 'qwertyuiopasdfghjklzxcvbnm'[('qwertyuiopasdfghjklzxcvbnm'.indexOf(chars[i]!.toLowerCase()) + 1) % 26]!;
  return chars.join('');
}

type Row = Record<string, unknown>;

export async function generateDedupData(db: Db, count: number, dupShare = 0.05): Promise<Truth> {
  const r = rng(7);
  const now = Date.now();
  const companies = Math.max(10, Math.floor(count / 50));
  const companyIds: string[] = [];
  const companyRows: Row[] = [];
  for (let i = 0; i < companies; i++) {
    const id = newId();
    companyIds.push(id);
    const iso = new Date(now - 1e10).toISOString();
    companyRows.push({ id, name: `Company ${i}`, domain: `co${i}.example.com`, currency: 'CNY', custom: '{}', createdAt: iso, updatedAt: iso });
  }
  for (let i = 0; i < companyRows.length; i += 1000) await db.kysely.insertInto('companies').values(companyRows.slice(i, i + 1000) as never).execute();

  const truth: Truth = { pairs: new Map(), contacts: 0 };
  const baseCount = Math.round(count / (1 + dupShare));
  let batch: Row[] = [];
  const flush = async () => {
    if (db.sqlite) {
      const cols = Object.keys(batch[0]!);
      const snake = cols.map((c) => c.replace(/[A-Z]/g, (m) => '_' + m.toLowerCase()));
      const stmt = db.sqlite.prepare(`insert into contacts (${snake.join(',')}) values (${cols.map(() => '?').join(',')})`);
      db.sqlite.transaction((rows: Row[]) => rows.forEach((row) => stmt.run(cols.map((c) => row[c] as never))))(batch);
    } else for (let i = 0; i < batch.length; i += 2000) await db.kysely.insertInto('contacts').values(batch.slice(i, i + 2000) as never).execute();
    truth.contacts += batch.length;
    batch = [];
  };
  const contact = (c: Row): Row => {
    const iso = new Date(now - Math.floor(r() * 1e10)).toISOString();
    const emails = (c.emails as string[]) ?? [];
    const phones = (c.phones as string[]) ?? [];
    return { id: newId(), displayName: c.displayName, givenName: c.givenName ?? null, familyName: c.familyName ?? null, title: null, companyId: c.companyId ?? null, emails: JSON.stringify(emails), phones: JSON.stringify(phones), primaryEmail: emails[0] ?? null, primaryPhone: phones[0] ?? null, address: c.address ?? null, birthday: null, source: 'bench', lifecycleStage: 'lead', ownerId: null, teamId: null, consentEmail: 0, consentSms: 0, consentPhone: 0, custom: '{}', createdAt: iso, updatedAt: iso };
  };
  for (let i = 0; i < baseCount; i++) {
    const cn = r() < 0.6;
    const companyIdx = r() < 0.8 ? Math.floor(r() * companies) : -1;
    const companyId = companyIdx >= 0 ? companyIds[companyIdx]! : null;
    let base: Row;
    if (cn) {
      const family = cnFamily[Math.floor(r() * cnFamily.length)]!;
      const given = cnGivenChars[Math.floor(r() * cnGivenChars.length)]! + (r() < 0.7 ? cnGivenChars[Math.floor(r() * cnGivenChars.length)]! : '');
      base = { displayName: family + given, familyName: family, givenName: given };
    } else {
      const given = enGiven[Math.floor(r() * enGiven.length)]!;
      const family = famA[Math.floor(r() * famA.length)]! + famB[Math.floor(r() * famB.length)]!;
      base = { displayName: `${given} ${family}`, familyName: family, givenName: given };
    }
    // Unique contact details per base person: any shared email or phone in the data is a planted duplicate.
    base.emails = r() < 0.85 ? [companyId ? `p${i}@co${companyIdx}.example.com` : `p${i}@mail${i % 7}.example.net`] : [];
    base.phones = r() < 0.7 ? [`+861${3 + (i % 6)}${String(10_000_000 + i).padStart(9, '0')}`] : [];
    base.companyId = companyId;
    if (r() < 0.3) base.address = JSON.stringify({ street: `${1 + Math.floor(r() * 2000)} ${famA[Math.floor(r() * famA.length)]}${famB[Math.floor(r() * famB.length)]} Road`, city: cities[Math.floor(r() * cities.length)] });
    const row = contact(base);
    batch.push(row);
    if (i % Math.round(1 / dupShare) === 0) {
      const kind = pickKind(r, base, cn);
      if (kind) {
        const dup = plant(r, kind, base);
        const dupRow = contact(dup);
        batch.push(dupRow);
        truth.pairs.set([row.id as string, dupRow.id as string].sort().join('|'), kind);
      }
    }
    if (batch.length >= 10_000) await flush();
  }
  if (batch.length) await flush();
  if (db.engine === 'postgres') await sql`analyze contacts`.execute(db.kysely);
  return truth;
}

function pickKind(r: () => number, base: Row, cn: boolean): VariantKind | null {
  const emails = base.emails as string[];
  const phones = base.phones as string[];
  const options: VariantKind[] = [];
  if (emails.length) options.push('email-case');
  // Typos are a Latin-alphabet mistake; a Chinese name mistyped through an IME is a homophone, which pinyin equates.
  if (emails.length && !cn) options.push('typo+email');
  if (phones.length) options.push('phone-format');
  if (base.companyId && !cn) options.push('typo+company');
  if (base.companyId && cn) options.push('pinyin+company');
  return options.length ? options[Math.floor(r() * options.length)]! : null;
}

function plant(r: () => number, kind: VariantKind, base: Row): Row {
  const email = (base.emails as string[])[0];
  const phone = (base.phones as string[])[0];
  const mixCase = (s: string) => [...s].map((c) => (r() < 0.5 ? c.toUpperCase() : c)).join('');
  switch (kind) {
    case 'email-case':
      return { ...base, emails: [mixCase(email!)], phones: [] };
    case 'phone-format': {
      const national = phone!.slice(3);
      const formatted = r() < 0.5 ? `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}` : `+86-${national.slice(0, 3)}-${national.slice(3, 7)}-${national.slice(7)}`;
      return { ...base, phones: [formatted], emails: [] };
    }
    case 'typo+email':
      return { ...base, displayName: typo(r, base.displayName as string), familyName: null, givenName: null, emails: [mixCase(email!)], phones: [] };
    case 'typo+company': {
      const family = typo(r, base.familyName as string);
      return { ...base, displayName: `${base.givenName} ${family}`, familyName: family, emails: [], phones: [], address: null };
    }
    case 'pinyin+company': {
      const fam = pinyinOf[base.familyName as string] ?? pinyin(base.familyName as string, { toneType: 'none', surname: 'all', type: 'array' }).join('');
      const given = pinyin(base.givenName as string, { toneType: 'none', type: 'array' }).join('');
      const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
      return { ...base, displayName: r() < 0.5 ? `${cap(fam)} ${cap(given)}` : `${cap(given)} ${cap(fam)}`, familyName: cap(fam), givenName: cap(given), emails: [], phones: [], address: null };
    }
  }
}
