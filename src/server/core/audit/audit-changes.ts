// Turns an audit entry's before/after into field changes a person can read: names instead of ids, custom field
// labels instead of keys, bookkeeping fields left out, secrets masked.
export type ChangeValue = string | number | boolean | string[] | null;

export interface FieldChange {
  field: string;
  /** Set for custom fields: the field's label as the administrator named it. */
  label: string | null;
  before: ChangeValue;
  after: ChangeValue;
}

/** Fields that only the software reads: positions, timestamps it keeps, derived history, search keys. */
const HIDDEN = new Set(['id', 'updatedAt', 'createdAt', 'position', 'stageHistory', 'stageEnteredAt', 'sortName', 'consentStatus', 'weightedAmount', 'contactCount', 'rawPhones', 'probability', 'assignmentExplanation', 'assignmentSteps', 'assignmentStatus']);
const MASKED = /password|secret|token|apikey/i;
export const MASK = '••••••';

export interface ChangeContext {
  /** User id → name, for fields such as ownerId that carry no name beside them. */
  userNames: Map<string, string>;
  customFieldLabels: Record<string, string>;
}

/** The user ids an entry mentions in *Id fields without a *Name companion, to look their names up in one query. */
export function userIdsIn(before: unknown, after: unknown): string[] {
  const out: string[] = [];
  for (const side of [before, after]) {
    if (!isObject(side)) continue;
    for (const [k, v] of Object.entries(side)) if (/^(owner|assignee|assignedTo)Id$/.test(k) && typeof v === 'string') out.push(v);
  }
  return out;
}

export function fieldChanges(before: unknown, after: unknown, ctx: ChangeContext): FieldChange[] {
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const out: FieldChange[] = [];
  for (const key of keys) {
    if (HIDDEN.has(key)) continue;
    if (key === 'customFields') {
      const cb = isObject(b[key]) ? (b[key] as Record<string, unknown>) : {};
      const ca = isObject(a[key]) ? (a[key] as Record<string, unknown>) : {};
      for (const ck of new Set([...Object.keys(cb), ...Object.keys(ca)])) {
        if (JSON.stringify(cb[ck] ?? null) === JSON.stringify(ca[ck] ?? null)) continue;
        out.push({ field: `custom.${ck}`, label: ctx.customFieldLabels[ck] ?? ck.replace(/_/g, ' '), before: plain(cb[ck]), after: plain(ca[ck]) });
      }
      continue;
    }
    const named = key.match(/^(.*)Name$/);
    if (named && (`${named[1]}Id` in a || `${named[1]}Id` in b)) {
      push(out, named[1]!, b[key], a[key]);
      continue;
    }
    const id = key.match(/^(.*)Id$/);
    if (id || key.endsWith('Ids')) {
      // An id is never shown: its name companion (ownerName, stageName…) says it, or a user's name is looked up.
      if (id && !(`${id[1]}Name` in a || `${id[1]}Name` in b) && /^(owner|assignee|assignedTo)$/.test(id[1]!)) {
        push(out, id[1] === 'owner' ? 'owner' : 'assignee', userName(b[key], ctx), userName(a[key], ctx));
      }
      continue;
    }
    if (MASKED.test(key)) {
      out.push({ field: key, label: null, before: b[key] == null ? null : MASK, after: a[key] == null ? null : MASK });
      continue;
    }
    if (isObject(b[key]) || isObject(a[key])) {
      const sb = isObject(b[key]) ? (b[key] as Record<string, unknown>) : {};
      const sa = isObject(a[key]) ? (a[key] as Record<string, unknown>) : {};
      for (const sk of new Set([...Object.keys(sb), ...Object.keys(sa)])) {
        if (isObject(sb[sk]) || isObject(sa[sk])) continue;
        if (JSON.stringify(sb[sk] ?? null) !== JSON.stringify(sa[sk] ?? null)) push(out, `${key}.${sk}`, sb[sk], sa[sk]);
      }
      continue;
    }
    push(out, key, b[key], a[key]);
  }
  return out;
}

function push(out: FieldChange[], field: string, before: unknown, after: unknown): void {
  const pb = plain(before);
  const pa = plain(after);
  if (JSON.stringify(pb) !== JSON.stringify(pa)) out.push({ field, label: null, before: pb, after: pa });
}

function userName(v: unknown, ctx: ChangeContext): string | null {
  if (typeof v !== 'string') return null;
  return ctx.userNames.get(v) ?? null;
}

/** A value as words: lists of people or products by their names, nothing that looks like an internal object. */
function plain(v: unknown): ChangeValue {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) {
    const items = v.map((x) => (typeof x === 'string' || typeof x === 'number' ? String(x) : isObject(x) ? String(x.displayName ?? x.name ?? '') : '')).filter(Boolean);
    return items;
  }
  return null;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
