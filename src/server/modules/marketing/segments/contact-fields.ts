// Segment fields of the contact itself, its company, its tags and its consent, registered with the field registry.
import { sql } from 'kysely';
import { companyValueRowsSql, consentChannels, contactTagIdsSql, lifecycleStages, type CompanySegmentColumn } from '../../customers/index.js';
import { registerSegmentField, type CompileContext, type SegmentField } from './segment-fields.js';
import type { SegmentOperator } from './segment-operators.js';

const column = (name: string) => () => sql.ref(`r.${name}`);
const addressPart = (part: string) => (ctx: CompileContext) => (ctx.engine === 'sqlite' ? sql`json_extract(r.address, ${`$.${part}`})` : sql`(r.address::jsonb ->> ${part})`);

const contactFields: Omit<SegmentField, 'group'>[] = [
  { key: 'contact.displayName', label: 'Name', type: 'text', value: column('display_name') },
  { key: 'contact.email', label: 'Email', type: 'text', value: column('primary_email') },
  {
    key: 'contact.emailDomain',
    label: 'Email domain',
    type: 'text',
    value: (ctx) => (ctx.engine === 'sqlite' ? sql`lower(substr(r.primary_email, instr(r.primary_email, '@') + 1))` : sql`lower(split_part(r.primary_email, '@', 2))`),
  },
  { key: 'contact.title', label: 'Job title', type: 'text', value: column('title') },
  { key: 'contact.city', label: 'City', type: 'text', value: addressPart('city') },
  { key: 'contact.region', label: 'Region', type: 'text', value: addressPart('region') },
  { key: 'contact.country', label: 'Country', type: 'text', value: addressPart('country') },
  { key: 'contact.source', label: 'Source', type: 'text', value: column('source') },
  { key: 'contact.lifecycleStage', label: 'Lifecycle stage', type: 'select', options: lifecycleStages.map((s) => ({ value: s, label: s })), closed: true, value: column('lifecycle_stage') },
  { key: 'contact.owner', label: 'Owner', type: 'select', optionsFrom: 'users', value: column('owner_id') },
  { key: 'contact.team', label: 'Team', type: 'select', optionsFrom: 'teams', value: column('team_id') },
  { key: 'contact.createdAt', label: 'Created', type: 'date', value: column('created_at') },
  { key: 'contact.updatedAt', label: 'Last updated', type: 'date', value: column('updated_at') },
  { key: 'contact.birthday', label: 'Birthday', type: 'date', value: column('birthday') },
];
for (const f of contactFields) registerSegmentField({ ...f, group: 'contact' });

const companyFields: [CompanySegmentColumn, string, 'text' | 'number' | 'date'][] = [
  ['name', 'Company name', 'text'],
  ['domain', 'Company domain', 'text'],
  ['industry', 'Industry', 'text'],
  ['size', 'Company size', 'text'],
  ['annualRevenue', 'Annual revenue', 'number'],
  ['createdAt', 'Company created', 'date'],
];
for (const [col, label, type] of companyFields) {
  registerSegmentField({ key: `company.${col}`, group: 'company', label, type, ...(col === 'annualRevenue' && { scale: 100 }), rows: { on: 'company_id', sql: (ctx) => companyValueRowsSql(ctx.engine, col), empty: null } });
}

registerSegmentField({
  key: 'tags',
  group: 'tags',
  label: 'Tags',
  type: 'tags',
  condition: (_ctx, op: SegmentOperator, v: any) => {
    if (op === 'any_of') return sql<boolean>`r.id in (${contactTagIdsSql(v)})`;
    if (op === 'all_of') return sql<boolean>`r.id in (${contactTagIdsSql(v, true)})`;
    if (op === 'none_of') return sql<boolean>`r.id not in (${contactTagIdsSql(v)})`;
    if (op === 'is_empty') return sql<boolean>`r.id not in (${contactTagIdsSql(null)})`;
    return sql<boolean>`r.id in (${contactTagIdsSql(null)})`;
  },
});

// Consent is stored as a code per channel (1 granted, 0 unknown, -1 withdrawn): "may we email" stays a plain comparison.
const consentCodes: Record<string, number> = { granted: 1, unknown: 0, withdrawn: -1 };
for (const ch of consentChannels) {
  registerSegmentField({
    key: `consent.${ch}`,
    group: 'consent',
    label: `Consent: ${ch}`,
    type: 'select',
    options: Object.keys(consentCodes).map((s) => ({ value: s, label: s })),
    closed: true,
    operators: ['is', 'is_not', 'any_of', 'none_of'],
    encode: (v) => consentCodes[v],
    value: column(`consent_${ch}`),
  });
}
