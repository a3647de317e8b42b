// What identifies one person in stored JSON: the strings to scrub, and the needles that link a row to them.
import { sql, type RawBuilder } from 'kysely';
import type { Engine } from '../../../core/db/database.js';

export interface PersonalData {
  contactId: string;
  /** Every value that names or reaches the person: names, emails, phones, external ids (current and past). */
  scrub: string[];
  /** Values unique enough to say "this row is about that person": the id, emails, phones, external ids. */
  needles: string[];
}

const str = (v: unknown): string[] => (typeof v === 'string' && v.trim() ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && !!x.trim()) : []);

/** Collects identifiers from contact snapshots (the live row and every audit before/after), so old emails go too. */
export function collectPersonalData(contactId: string, snapshots: unknown[]): PersonalData {
  const names = new Set<string>();
  const unique = new Set<string>();
  for (const s of snapshots) {
    if (!s || typeof s !== 'object') continue;
    const o = s as Record<string, unknown>;
    for (const k of ['displayName', 'givenName', 'familyName']) for (const v of str(o[k])) if ([...v].length >= 2) names.add(v);
    for (const k of ['emails', 'phones', 'primaryEmail', 'primaryPhone', 'externalId']) for (const v of str(o[k])) unique.add(v);
  }
  const needles = [contactId, ...unique];
  // Longest first, so "张伟强" is replaced before "张伟" could split it.
  const scrub = [...new Set([...names, ...unique])].sort((a, b) => [...b].length - [...a].length);
  return { contactId, scrub, needles };
}

export const ERASED = '[erased]';

/** Replaces every identifier inside every string of a JSON document; the document's shape (and other data) stays. */
export function scrubText(text: string, scrub: string[]): string {
  const replace = (s: string) => scrub.reduce((acc, v) => (acc.includes(v) ? acc.split(v).join(ERASED) : acc), s);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return replace(text);
  }
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return replace(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return JSON.stringify(walk(doc));
}

/** True where a text column contains any needle (instr / strpos: no LIKE escaping of "_" and "%" in emails). */
export function containsAny(engine: Engine, column: string, needles: string[]): RawBuilder<boolean> {
  const fn = engine === 'sqlite' ? sql`instr` : sql`strpos`;
  return sql<boolean>`(${sql.join(needles.map((n) => sql`coalesce(${fn}(${sql.ref(column)}, ${n}), 0) > 0`), sql` or `)})`;
}

/** Record ids inside participant exports (arrays of rows with an id), whose audit and events are about the person. */
export function recordIds(exported: unknown): string[] {
  const ids: string[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 3 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    const id = (v as { id?: unknown }).id;
    if (typeof id === 'string') ids.push(id);
    else for (const x of Object.values(v)) visit(x, depth + 1);
  };
  visit(exported, 0);
  return ids;
}
