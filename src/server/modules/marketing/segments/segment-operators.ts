// Operators per field type: which ones a type offers, what value each takes (checked, with the reason when wrong),
// the SQL condition over a value expression, and the same test in JS for contacts without a row (no orders: 0).
import { sql, type RawBuilder } from 'kysely';
import type { CompileContext, SegmentFieldType } from './segment-fields.js';

export const segmentOperators = [
  'is', 'is_not', 'contains', 'not_contains', 'starts_with', 'any_of', 'none_of', 'all_of',
  'eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between',
  'on', 'before', 'after', 'within_last_days', 'more_than_days_ago',
  'is_empty', 'is_not_empty',
] as const;
export type SegmentOperator = (typeof segmentOperators)[number];

export const operatorsByType: Record<SegmentFieldType, SegmentOperator[]> = {
  text: ['is', 'is_not', 'contains', 'not_contains', 'starts_with', 'any_of', 'is_empty', 'is_not_empty'],
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'is_empty', 'is_not_empty'],
  date: ['on', 'before', 'after', 'between', 'within_last_days', 'more_than_days_ago', 'is_empty', 'is_not_empty'],
  boolean: ['is', 'is_empty', 'is_not_empty'],
  select: ['is', 'is_not', 'any_of', 'none_of', 'is_empty', 'is_not_empty'],
  tags: ['any_of', 'all_of', 'none_of', 'is_empty', 'is_not_empty'],
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (v: unknown): v is string => typeof v === 'string' && DATE.test(v) && !Number.isNaN(Date.parse(v));
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 1e12;
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= 200;
const isList = (v: unknown): v is string[] => Array.isArray(v) && v.length > 0 && v.length <= 200 && v.every(isText);

/** Null when the value fits the operator, else why not (the 422's message at the rule's value path). */
export function valueProblem(type: SegmentFieldType, op: SegmentOperator, v: unknown): string | null {
  if (op === 'is_empty' || op === 'is_not_empty') return v === undefined || v === null ? null : 'this operator takes no value';
  if (op === 'any_of' || op === 'none_of' || op === 'all_of') return isList(v) ? null : 'must be a list of 1 to 200 values';
  if (type === 'boolean') return typeof v === 'boolean' ? null : 'must be true or false';
  if (op === 'between') {
    if (type === 'number') return Array.isArray(v) && v.length === 2 && isNum(v[0]) && isNum(v[1]) && v[0] <= v[1] ? null : 'must be two numbers, the smaller first';
    return Array.isArray(v) && v.length === 2 && isDate(v[0]) && isDate(v[1]) && v[0] <= v[1] ? null : 'must be two dates as YYYY-MM-DD, the earlier first';
  }
  if (op === 'within_last_days' || op === 'more_than_days_ago') return Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 36500 ? null : 'must be a whole number of days';
  if (type === 'number') return isNum(v) ? null : 'must be a number';
  if (type === 'date') return isDate(v) ? null : 'must be a date as YYYY-MM-DD';
  return isText(v) ? null : 'must be text of 1 to 200 characters';
}

const day = (d: string, plus = 0) => new Date(Date.parse(`${d}T00:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);
const daysAgo = (ctx: CompileContext, n: number) => new Date(ctx.now.getTime() - n * 86_400_000).toISOString().slice(0, 10);
const likeEscape = (s: string) => s.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
const list = (vs: unknown[]) => sql.join(vs.map((v) => sql`${v}`));

/**
 * The condition `op value` on expression `e`. Text compares case-insensitively; negative operators ("is not", "none
 * of") include contacts without a value, as a person reading the rule expects. Dates compare by day (ISO text sorts).
 */
export function operatorSql(ctx: CompileContext, type: SegmentFieldType, e: RawBuilder<unknown>, op: SegmentOperator, v: any): RawBuilder<boolean> {
  const text = type === 'text';
  const lhs = text ? sql`lower(${e})` : e;
  // Numbers go in as numeric, so 2.5 compares with an integer column on PostgreSQL instead of failing to cast to bigint.
  const val = (x: unknown) => (text && typeof x === 'string' ? x.toLowerCase() : type === 'number' && typeof x === 'number' ? sql`cast(${x} as numeric)` : x);
  switch (op) {
    case 'is':
      if (type === 'boolean') {
        const t = ctx.engine === 'sqlite' ? sql`1` : sql`true`;
        return v ? sql<boolean>`${e} = ${t}` : sql<boolean>`(${e} is null or ${e} <> ${t})`;
      }
      return sql<boolean>`${lhs} = ${val(v)}`;
    case 'eq':
      return sql<boolean>`${e} = ${val(v)}`;
    case 'is_not':
    case 'neq':
      return sql<boolean>`(${e} is null or ${lhs} <> ${val(v)})`;
    case 'contains':
      return sql<boolean>`${lhs} like ${`%${likeEscape(v)}%`} escape '\\'`;
    case 'not_contains':
      return sql<boolean>`(${e} is null or ${lhs} not like ${`%${likeEscape(v)}%`} escape '\\')`;
    case 'starts_with':
      return sql<boolean>`${lhs} like ${`${likeEscape(v)}%`} escape '\\'`;
    case 'any_of':
      return sql<boolean>`${lhs} in (${list(v.map(val))})`;
    case 'none_of':
      return sql<boolean>`(${e} is null or ${lhs} not in (${list(v.map(val))}))`;
    case 'all_of':
      return sql<boolean>`${lhs} in (${list(v.map(val))})`; // a single value holds all of them only when they are one
    case 'gt':
      return sql<boolean>`${e} > ${val(v)}`;
    case 'gte':
      return sql<boolean>`${e} >= ${val(v)}`;
    case 'lt':
      return sql<boolean>`${e} < ${val(v)}`;
    case 'lte':
      return sql<boolean>`${e} <= ${val(v)}`;
    case 'between':
      return type === 'date' ? sql<boolean>`(${e} >= ${day(v[0])} and ${e} < ${day(v[1], 1)})` : sql<boolean>`(${e} >= ${val(v[0])} and ${e} <= ${val(v[1])})`;
    case 'on':
      return sql<boolean>`(${e} >= ${day(v)} and ${e} < ${day(v, 1)})`;
    case 'before':
      return sql<boolean>`${e} < ${day(v)}`;
    case 'after':
      return sql<boolean>`${e} >= ${day(v, 1)}`;
    case 'within_last_days':
      return sql<boolean>`${e} >= ${daysAgo(ctx, v)}`;
    case 'more_than_days_ago':
      return sql<boolean>`${e} < ${daysAgo(ctx, v)}`;
    case 'is_empty':
      return text || type === 'select' ? sql<boolean>`(${e} is null or ${e} = '')` : sql<boolean>`${e} is null`;
    case 'is_not_empty':
      return text || type === 'select' ? sql<boolean>`(${e} is not null and ${e} <> '')` : sql<boolean>`${e} is not null`;
  }
}

/** Whether a contact whose value is `empty` (0 for counts, null otherwise) meets `op value`: the SQL above, in JS. */
export function emptyMatches(op: SegmentOperator, v: any, empty: number | null): boolean {
  if (empty === null) return ['is_not', 'neq', 'not_contains', 'none_of', 'is_empty'].includes(op) || (op === 'is' && v === false);
  switch (op) {
    case 'eq': return empty === v;
    case 'neq': return empty !== v;
    case 'gt': return empty > v;
    case 'gte': return empty >= v;
    case 'lt': return empty < v;
    case 'lte': return empty <= v;
    case 'between': return empty >= v[0] && empty <= v[1];
    case 'is_empty': return false;
    case 'is_not_empty': return true;
    default: return false;
  }
}

/** The scaled value of a number rule (money typed in major units compares with minor units). */
export function scaled(op: SegmentOperator, v: any, scale: number | undefined): any {
  if (!scale || scale === 1) return v;
  if (op === 'between') return [Math.round(v[0] * scale), Math.round(v[1] * scale)];
  return typeof v === 'number' ? Math.round(v * scale) : v;
}
