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

/**
 * Phones are indexed as their international digits: the national number is a suffix of them, so "138 0013"
 * (searched as 1380013) finds +86 138 0013 8000 without a second copy in every document.
 */
function phoneDigits(e164: string): string {
  return e164.replace(/\D/g, '');
}

export function searchDocument(src: SearchSource): string {
  return [...src.names, ...(src.emails ?? []), ...(src.phones ?? []).map(phoneDigits), ...(src.extra ?? [])]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}

/**
 * SQLite: grams written back to back, each opened by MARK ("\uE000张\uE000\uE000张伟\uE000伟\uE000"). A query's phrase is
 * MARK+c+MARK or MARK+c+d, which occurs only where a gram starts, so no separator is needed (fewer trigrams to index;
 * documents written with the older space-separated form still match the same phrases).
 */
export function gramsValue(engine: Engine, grams: string[]): string | string[] {
  return engine === 'postgres' ? grams : grams.map((g) => (g.length === 1 ? MARK + g + MARK : MARK + g)).join('');
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

/** The FTS5 MATCH expression (SQLite) for q: a phrase on the short grams for 1–2 characters, else on the trigrams of doc. */
export function ftsMatch(rawQ: string): string {
  const q = normaliseQuery(rawQ);
  const chars = [...q];
  return chars.length < 3 ? `grams : "${(chars.length === 1 ? MARK + q + MARK : MARK + q).replace(/"/g, '""')}"` : `doc : "${q.replace(/"/g, '""')}"`;
}

/**
 * The same test as ftsMatch on one search_index row (aliased "s"), without the FTS index: for checking rows reached
 * another way (a sorted list walking its sort index). Documents are lower-case and q is normalised like the FTS query.
 */
export function rowContains(rawQ: string): RawBuilder<boolean> {
  const q = normaliseQuery(rawQ);
  const chars = [...q];
  if (chars.length >= 3) return sql<boolean>`instr(s.doc, ${q}) > 0`;
  return sql<boolean>`instr(s.grams, ${chars.length === 1 ? MARK + q + MARK : MARK + q}) > 0`;
}

/**
 * A SQL predicate on search_index (aliased "s") that is true where the document contains q.
 * On SQLite it returns a condition on s.rid through the FTS table; on PostgreSQL, trigram ILIKE or the grams array.
 */
export function searchPredicate(engine: Engine, rawQ: string): RawBuilder<boolean> {
  const q = normaliseQuery(rawQ);
  const short = [...q].length < 3;
  if (engine === 'sqlite') return sql<boolean>`s.rid in (select rowid from search_fts where search_fts match ${ftsMatch(rawQ)})`;
  if (short) return sql<boolean>`s.grams @> array[${q}]::text[]`;
  const like = '%' + q.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
  return sql<boolean>`s.doc ilike ${like}`;
}
