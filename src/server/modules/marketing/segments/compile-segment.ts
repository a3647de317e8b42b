// Compiles a checked rule tree into one SQL condition over the contacts list (alias "r") on either engine: a field's
// value is compared in place, (id, v) row sources become semi-joins (an anti-join where a contact without rows
// matches, e.g. "orders = 0"), and groups become and/or. Callers AND it with the actor's record visibility.
import { sql, type RawBuilder } from 'kysely';
import type { CompileContext, SegmentField } from './segment-fields.js';
import { emptyMatches, operatorSql, scaled } from './segment-operators.js';
import { isGroup, type SegmentCondition, type SegmentGroup } from './segment-rules.js';

function compileCondition(ctx: CompileContext, field: SegmentField, c: SegmentCondition, anchored: boolean): RawBuilder<boolean> {
  const value = c.value === undefined ? null : field.type === 'number' ? scaled(c.operator, c.value, field.scale) : field.encode && typeof c.value === 'string' ? field.encode(c.value) : Array.isArray(c.value) && field.encode ? c.value.map((v) => field.encode!(String(v))) : c.value;
  if (field.condition) return field.condition(ctx, c.operator, value);
  if (field.value && (anchored || !field.rows)) return operatorSql(ctx, field.type, field.value(ctx), c.operator, value);
  if (field.rows) {
    const on = sql.ref(`r.${field.rows.on}`);
    const test = operatorSql(ctx, field.type, sql.ref('x.v'), c.operator, value);
    const rows = field.rows.sql(ctx);
    if (!emptyMatches(c.operator, value, field.rows.empty)) return sql<boolean>`${on} in (select x.id from (${rows}) x where ${test})`;
    // Contacts without a row match: keep everyone but those whose row fails the test.
    const failing = sql`select x.id from (${rows}) x where x.id is not null and (${test}) is not true`;
    return field.rows.on === 'id' ? sql<boolean>`${on} not in (${failing})` : sql<boolean>`(${on} is null or ${on} not in (${failing}))`;
  }
  throw new Error(`segment field ${field.key} has no SQL`);
}

/** An AND group with a rule on the contact's own columns: per-contact subqueries run only for the contacts it lets through. */
function anchoredGroup(fields: Map<string, SegmentField>, group: SegmentGroup): boolean {
  return group.combinator === 'and' && group.children.some((c) => !isGroup(c) && Boolean(fields.get(c.field)?.value) && !fields.get(c.field)?.rows);
}

/** Evaluation cost of a child: a test on the contact's own columns, a whole condition (a semi-join), rows or a group. */
function cost(fields: Map<string, SegmentField>, child: SegmentGroup['children'][number]): number {
  if (isGroup(child)) return 3;
  const f = fields.get(child.field);
  return f?.value && !f.rows && !f.condition ? 0 : f?.condition ? 1 : 2;
}

export function compileRules(ctx: CompileContext, fields: Map<string, SegmentField>, group: SegmentGroup): RawBuilder<boolean> {
  const anchored = anchoredGroup(fields, group);
  // AND: the cheap column tests first, so SQLite runs a row's correlated subqueries only when they passed (same result).
  const children = group.combinator === 'and' ? [...group.children].sort((a, b) => cost(fields, a) - cost(fields, b)) : group.children;
  const parts = children.map((child) => (isGroup(child) ? compileRules(ctx, fields, child) : compileCondition(ctx, fields.get(child.field)!, child, anchored)));
  return sql<boolean>`(${sql.join(parts, group.combinator === 'and' ? sql` and ` : sql` or `)})`;
}
