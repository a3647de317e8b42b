// Segment fields from other modules and from data: custom fields (customers), purchases and lead score (sales), open
// tickets (service). Each module hands over read-only subqueries through its index.ts; marketing names none of their tables.
import { sql } from 'kysely';
import { companyValueRowsSql, customValueSql, listCustomFields, type CustomField } from '../../customers/index.js';
import { boughtContactIdsSql, leadScoreRowsSql, purchaseChoices, purchaseRowsSql, purchaseValueSql } from '../../sales/index.js';
import { openTicketRowsSql } from '../../service/index.js';
import { registerSegmentField, registerSegmentFieldSource, type CompileContext, type SegmentField, type SegmentFieldType } from './segment-fields.js';
import type { SegmentOperator } from './segment-operators.js';

const counts: SegmentOperator[] = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between'];
registerSegmentField({ key: 'orders.count', group: 'purchases', label: 'Number of orders', type: 'number', operators: counts, value: () => purchaseValueSql('count'), rows: { on: 'id', sql: () => purchaseRowsSql('count'), empty: 0 } });
registerSegmentField({ key: 'orders.total', group: 'purchases', label: 'Total spent', type: 'number', scale: 100, operators: counts, value: () => purchaseValueSql('total'), rows: { on: 'id', sql: () => purchaseRowsSql('total'), empty: 0 } });
registerSegmentField({ key: 'orders.lastOrderAt', group: 'purchases', label: 'Last order', type: 'date', value: () => purchaseValueSql('last'), rows: { on: 'id', sql: () => purchaseRowsSql('last'), empty: null } });
registerSegmentField({ key: 'leadScore', group: 'contact', label: 'Lead score', type: 'number', rows: { on: 'id', sql: () => leadScoreRowsSql(), empty: null } });
registerSegmentField({ key: 'tickets.open', group: 'service', label: 'Open tickets', type: 'number', operators: counts, rows: { on: 'id', sql: () => openTicketRowsSql(), empty: 0 } });

const bought = (by: 'product' | 'category') => (_ctx: CompileContext, op: SegmentOperator, v: any) =>
  op === 'none_of' ? sql<boolean>`r.id not in (${boughtContactIdsSql(by, v)})` : sql<boolean>`r.id in (${boughtContactIdsSql(by, v)})`;

registerSegmentFieldSource(async (db) => {
  const choices = await purchaseChoices(db);
  return [
    { key: 'orders.product', group: 'purchases', label: 'Bought product', type: 'select', options: choices.products, operators: ['any_of', 'none_of'], condition: bought('product') },
    { key: 'orders.category', group: 'purchases', label: 'Bought from category', type: 'select', options: choices.categories.map((c) => ({ value: c, label: c })), operators: ['any_of', 'none_of'], condition: bought('category') },
  ];
});

const typeOf: Record<CustomField['type'], SegmentFieldType> = { text: 'text', number: 'number', date: 'date', boolean: 'boolean', select: 'select', multiselect: 'tags' };

/** A multi-select custom field of the contact, tested like tags: any of, all of, none of, empty. */
function multiselectCondition(f: CustomField) {
  return (ctx: CompileContext, op: SegmentOperator, v: any) => {
    const items = ctx.engine === 'sqlite' ? sql`json_each(r.custom, ${`$.${f.key}`}) j` : sql`jsonb_array_elements_text(coalesce(r.custom::jsonb -> ${f.key}, '[]'::jsonb)) j(value)`;
    const list = Array.isArray(v) ? sql.join(v.map((x: string) => sql`${x}`)) : sql`null`;
    if (op === 'is_empty') return sql<boolean>`not exists (select 1 from ${items})`;
    if (op === 'is_not_empty') return sql<boolean>`exists (select 1 from ${items})`;
    if (op === 'none_of') return sql<boolean>`not exists (select 1 from ${items} where j.value in (${list}))`;
    if (op === 'all_of') return sql<boolean>`(select count(distinct j.value) from ${items} where j.value in (${list})) = ${new Set(v).size}`;
    return sql<boolean>`exists (select 1 from ${items} where j.value in (${list}))`;
  };
}

registerSegmentFieldSource(async (db) => {
  const out: SegmentField[] = [];
  for (const f of await listCustomFields(db)) {
    const type = typeOf[f.type];
    const options = f.options.length ? { options: f.options.map((o) => ({ value: o, label: o })), closed: true } : {};
    if (f.object === 'contact') {
      out.push({ key: `cf.${f.key}`, group: 'custom', label: f.label, type, ...options, ...(f.type === 'multiselect' ? { condition: multiselectCondition(f) } : { value: (ctx) => customValueSql(ctx.engine, 'r.custom', f) }) });
    } else if (f.type !== 'multiselect') {
      out.push({ key: `companycf.${f.key}`, group: 'company', label: f.label, type, ...options, rows: { on: 'company_id', sql: (ctx) => companyValueRowsSql(ctx.engine, f), empty: null } });
    }
  }
  return out;
});
