// The registry of fields a segment rule can test. Modules register fields (contact, company, custom fields, tags,
// consent, purchases, tickets now; campaign engagement and web behaviour later) with a type, which decides the
// operators, and the SQL that compiles them: a value over the contact row, (id, v) rows joined on the contact, or a
// whole condition. Field lists that depend on data (custom fields, products) come from registered sources.
import type { RawBuilder } from 'kysely';
import type { Db, DbOrTrx, Engine } from '../../../core/db/database.js';
import type { SegmentOperator } from './segment-operators.js';

export const segmentFieldTypes = ['text', 'number', 'date', 'boolean', 'select', 'tags'] as const;
export type SegmentFieldType = (typeof segmentFieldTypes)[number];

/** What compiling a rule knows: the engine, and "now" (rules such as "within the last 30 days" are relative to it). */
export interface CompileContext {
  engine: Engine;
  now: Date;
}

export interface SegmentFieldOption {
  value: string;
  label: string;
}

export interface SegmentField {
  /** Stable key stored in rules: 'contact.city', 'cf.vip_level', 'orders.count', later 'campaign.opened', 'web.visited'. */
  key: string;
  /** The picker's group: contact, company, custom, tags, consent, purchases, service (later campaigns, web). */
  group: string;
  /** English label; the web app translates built-in keys and shows custom field labels as typed. */
  label: string;
  type: SegmentFieldType;
  /** Choices of a select or tag-list field; values outside them are refused when the list is given and `closed`. */
  options?: SegmentFieldOption[];
  closed?: boolean;
  /** Where the UI loads choices when they are records (users, teams). */
  optionsFrom?: 'users' | 'teams';
  /** Only these of the type's operators (a count has no "is empty"). */
  operators?: SegmentOperator[];
  /** Number fields: what a typed number is multiplied by before comparing (money in minor units: 100). */
  scale?: number;
  /** Select values stored as codes (consent: granted → 1). */
  encode?: (value: string) => unknown;
  /** The value as an expression over the contact row, table alias "r". */
  value?: (ctx: CompileContext) => RawBuilder<unknown>;
  /** Or: (id, v) rows matched on the contact's `on` column; a contact without a row has the value `empty`. A field may
   * give both: the compiler takes `value` (a correlated subquery) where sibling rules on the contact's own columns
   * narrow the contacts first, and the rows (one semi-join over the whole table) where it stands alone. */
  rows?: { on: 'id' | 'company_id'; sql: (ctx: CompileContext) => RawBuilder<unknown>; empty: number | null };
  /** Or: the whole condition for an operator and a checked value. */
  condition?: (ctx: CompileContext, operator: SegmentOperator, value: unknown) => RawBuilder<boolean>;
}

/** A field as the API lists it for the rule builder. */
export type SegmentFieldView = Pick<SegmentField, 'key' | 'group' | 'label' | 'type' | 'options' | 'optionsFrom'> & { operators: SegmentOperator[] };

const fields = new Map<string, SegmentField>();
/** `wanted`: the keys a rule tree names, when loading to check or compile it (a source may return just those, or more);
 * absent when the rule builder lists every field. */
type FieldSource = (db: DbOrTrx, wanted?: ReadonlySet<string>) => Promise<SegmentField[]>;
const sources: FieldSource[] = [];

/** Adds a field with a fixed definition. A later registration of the same key replaces the earlier one. */
export function registerSegmentField(field: SegmentField): void {
  fields.set(field.key, field);
}

/** Adds fields read from the database on every compile (custom field definitions, products). */
export function registerSegmentFieldSource(source: FieldSource): void {
  sources.push(source);
}

/** The field keys a (not yet checked) rule tree names. */
export function ruleFieldKeys(rules: unknown, out = new Set<string>()): Set<string> {
  if (typeof rules === 'string') return ruleFieldKeys(JSON.parse(rules) as unknown, out);
  if (!rules || typeof rules !== 'object') return out;
  const node = rules as { field?: unknown; children?: unknown };
  if (typeof node.field === 'string') out.add(node.field);
  if (Array.isArray(node.children)) for (const c of node.children) ruleFieldKeys(c, out);
  return out;
}

/** Every field a rule can name right now, by key; given a rule tree, at least every field it names that exists. */
export async function loadSegmentFields(db: Db | DbOrTrx, rules?: unknown): Promise<Map<string, SegmentField>> {
  const kysely = 'kysely' in db ? db.kysely : db;
  const wanted = rules === undefined ? undefined : ruleFieldKeys(rules);
  const out = new Map(fields);
  for (const source of sources) for (const f of await source(kysely, wanted)) out.set(f.key, f);
  return out;
}
