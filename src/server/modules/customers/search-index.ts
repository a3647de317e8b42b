// The search index: one document per contact/company, matched by substring in Chinese and English.
// Queries of 3+ characters use trigrams (FTS5 / pg_trgm); 1–2 character queries ("张", "jo") use short grams
// of the name words (every 1–2 character piece of a Chinese name, the first 1–2 letters of other words),
// so no query falls back to a table scan.
import { sql, type RawBuilder } from 'kysely';
import type { DbOrTrx, Engine } from '../../core/db/database.js';

/** Private-use character that marks short grams in SQLite, so they never collide with real text. */
const MARK = '\uE000';

export interface SearchSource {
  names: (string | null | undefined)[];
  /** Names that 1–2 character queries find (default: names); a contact's company is left out to keep the index small. */
  shortNames?: (string | null | undefined)[];
  emails?: string[];
  phones?: string[];
  extra?: (string | null | undefined)[];
}

function nameWords(names: (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const n of names) for (const w of (n ?? '').toLowerCase().split(/[\s,.\-_'()@]+/)) if (w) words.add(w);
  return [...words];
}

const cjk = /[\u3400-\u9fff]/;

export function shortGrams(names: (string | null | undefined)[]): string[] {
  const grams = new Set<string>();
  for (const w of nameWords(names)) {
    const chars = [...w];
    if (!cjk.test(w)) {
      grams.add(chars[0]!);
      if (chars.length > 1) grams.add(chars[0]! + chars[1]!);
      continue;
    }
    for (let i = 0; i < chars.length; i++) {
      grams.add(chars[i]!);
      if (i + 1 < chars.length) grams.add(chars[i]! + chars[i + 1]!);
    }
  }
  return [...grams];
}

/** Phones are indexed as digits, both international and national, so "138 0013" finds +86 138 0013 8000. */
function phoneDigits(e164: string): string {
  const digits = e164.replace(/\D/g, '');
  return e164.startsWith('+86') ? `${digits} ${digits.slice(2)}` : e164.startsWith('+1') ? `${digits} ${digits.slice(1)}` : digits;
}

export function searchDocument(src: SearchSource): string {
  return [...src.names, ...(src.emails ?? []), ...(src.phones ?? []).map(phoneDigits), ...(src.extra ?? [])]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}

export function gramsValue(engine: Engine, grams: string[]): string | string[] {
  return engine === 'postgres' ? grams : grams.map((g) => (g.length === 1 ? MARK + g + MARK : MARK + g)).join(' ');
}

export async function indexEntity(db: DbOrTrx, engine: Engine, entity: string, entityId: string, src: SearchSource): Promise<void> {
  const doc = searchDocument(src);
  const grams = gramsValue(engine, shortGrams(src.shortNames ?? src.names));
  await db
    .insertInto('searchIndex')
    .values({ entity, entityId, doc, grams })
    .onConflict((oc) => oc.columns(['entity', 'entityId']).doUpdateSet({ doc, grams }))
    .execute();
}

export async function unindexEntity(db: DbOrTrx, entity: string, entityId: string): Promise<void> {
  await db.deleteFrom('searchIndex').where('entity', '=', entity).where('entityId', '=', entityId).execute();
}

/** A query that looks like a phone number is searched as its digits. */
export function normaliseQuery(q: string): string {
  const t = q.trim().toLowerCase().replace(/\s+/g, ' ');
  return /^[+\d][\d\s\-().]*$/.test(t) && /\d{3}/.test(t.replace(/\D/g, '')) ? t.replace(/\D/g, '') : t;
}

/**
 * A SQL predicate on search_index (aliased "s") that is true where the document contains q.
 * On SQLite it returns a condition on s.rid through the FTS table; on PostgreSQL, trigram ILIKE or the grams array.
 */
export function searchPredicate(engine: Engine, rawQ: string): RawBuilder<boolean> {
  const q = normaliseQuery(rawQ);
  const short = [...q].length < 3;
  if (engine === 'sqlite') {
    const phrase = short ? `grams : "${([...q].length === 1 ? MARK + q + MARK : MARK + q).replace(/"/g, '""')}"` : `doc : "${q.replace(/"/g, '""')}"`;
    return sql<boolean>`s.rid in (select rowid from search_fts where search_fts match ${phrase})`;
  }
  if (short) return sql<boolean>`s.grams @> array[${q}]::text[]`;
  const like = '%' + q.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
  return sql<boolean>`s.doc ilike ${like}`;
}
