// The companies import target: matched by domain, then by exact name; new ones bulk-inserted with search rows and tags.
import { changedFields, writeAudit } from '../../../../core/audit/audit-log.js';
import { newId, nowIso } from '../../../../core/ids.js';
import { bulkInsert, inChunks } from '../bulk-insert.js';
import { emptyResult, registerImportTarget, visibleToImporter, type ImportField, type ImportTarget } from '../import-target.js';
import { companyColumns, companySearchRow, searchColumns } from './company-linker.js';
import { addressFields } from './contact-fields.js';
import { customFieldColumns, customValues } from './custom-field-columns.js';
import { sortName } from '../../../customers/index.js';

const sizes = ['1-10', '11-50', '51-200', '201-1000', '1000+'] as const;
const companyFields: ImportField[] = [
  { key: 'name', label: 'Name', type: 'text', max: 200, aliases: ['name', 'company', 'company name', 'account name', 'organization', 'organisation', '公司', '公司名称', '企业名称', '单位', '客户名称'] },
  { key: 'domain', label: 'Domain', type: 'domain', aliases: ['domain', 'website', 'web site', 'company domain name', 'url', '网址', '官网', '域名', '网站'] },
  { key: 'industry', label: 'Industry', type: 'text', max: 100, aliases: ['industry', 'sector', '行业', '所属行业'] },
  { key: 'size', label: 'Size', type: 'text', max: 20, aliases: ['size', 'company size', 'employees', 'number of employees', 'employee count', '规模', '公司规模', '员工人数'] },
  { key: 'annualRevenue', label: 'Annual revenue', type: 'number', aliases: ['annual revenue', 'revenue', '年营业额', '年收入', '营业额'] },
  { key: 'currency', label: 'Currency', type: 'text', max: 3, aliases: ['currency', 'currency code', '币种', '货币'] },
  ...addressFields,
  { key: 'tags', label: 'Tags', type: 'list', max: 50, aliases: ['tags', 'tag', 'labels', '标签'] },
];

/** "35" or "35 employees" becomes its band; a band is taken as written. */
function sizeBand(v: string): string | null {
  if ((sizes as readonly string[]).includes(v)) return v;
  const n = Number(v.replace(/[^\d.]/g, ''));
  if (!v.match(/\d/) || !Number.isFinite(n)) return null;
  return n <= 10 ? '1-10' : n <= 50 ? '11-50' : n <= 200 ? '51-200' : n <= 1000 ? '201-1000' : '1000+';
}

type Stored = { name: string; domain: string | null; industry: string | null; size: string | null; annualRevenue: number | null; currency: string; address: Record<string, string> | null; customFields: Record<string, unknown> };

export const companyTarget: ImportTarget = {
  object: 'companies',
  tables: ['companies', 'search_index'],
  label: 'Companies',
  async fields(db) {
    return [...companyFields, ...(await customFieldColumns(db, 'company'))];
  },
  checkRow(v) {
    const out: { column: string; reason: string }[] = [];
    if (!v.name) out.push({ column: 'name', reason: 'a company needs a name' });
    if (v.size && !sizeBand(String(v.size))) out.push({ column: 'size', reason: `"${v.size}" is not a size band (${sizes.join(', ')}) or a number of employees` });
    if (v.currency && !/^[A-Za-z]{3}$/.test(String(v.currency))) out.push({ column: 'currency', reason: 'a three-letter currency code such as CNY' });
    return out;
  },
  async writeBatch(trx, ctx, rows) {
    const res = emptyResult();
    const drafts = new Map<string, { rowNumber: number; v: Record<string, unknown> }>();
    for (const r of rows) {
      const key = r.values.domain ? `d:${r.values.domain}` : `n:${r.values.name}`;
      const prev = drafts.get(key);
      if (prev) [prev.v, res.duplicates] = [{ ...r.values, ...prev.v }, res.duplicates + 1];
      else drafts.set(key, { rowNumber: r.rowNumber, v: r.values });
    }
    const list = [...drafts.values()];
    const domains = list.flatMap((d) => (d.v.domain ? [d.v.domain as string] : []));
    const names = list.map((d) => d.v.name as string);
    const found = [
      ...(await inChunks(domains, (c) => trx.selectFrom('companies').selectAll().where('domain', 'in', c).orderBy('id').execute())),
      ...(await inChunks(names, (c) => trx.selectFrom('companies').selectAll().where('name', 'in', c).orderBy('id').execute())),
    ].filter((c) => visibleToImporter(ctx.actor, c));
    const now = nowIso();
    const inserts: unknown[][] = [];
    const search: unknown[][] = [];
    const tags: unknown[][] = [];
    for (const d of list) {
      const v = d.v;
      const revenue = v.annualRevenue === undefined ? null : Math.round((v.annualRevenue as number) * 100); // the file holds whole units; stored in minor units
      const next: Stored = { name: v.name as string, domain: (v.domain as string) ?? null, industry: (v.industry as string) ?? null, size: v.size ? sizeBand(String(v.size)) : null, annualRevenue: revenue, currency: ((v.currency as string) ?? ctx.currency).toUpperCase(), address: null, customFields: customValues(v) };
      const address = Object.fromEntries(Object.entries(v).filter(([k]) => k.startsWith('address.')).map(([k, x]) => [k.slice(8), x as string]));
      const match = ctx.onMatch === 'create' ? undefined : (found.find((c) => v.domain && c.domain === v.domain) ?? found.find((c) => c.name === v.name));
      if (match && ctx.onMatch === 'skip') res.skipped++;
      else if (match) {
        const before: Stored = { name: match.name, domain: match.domain, industry: match.industry, size: match.size, annualRevenue: match.annualRevenue, currency: match.currency, address: match.address ? JSON.parse(match.address) : null, customFields: JSON.parse(match.custom) };
        const fill = ctx.updateMode === 'fill';
        const pick = <K extends 'domain' | 'industry' | 'size' | 'annualRevenue'>(k: K) => (next[k] !== null && (!fill || before[k] === null) ? next[k] : before[k]);
        // The name is what the row was matched on (or the domain is): it is kept, so contacts' search rows stay right.
        const after: Stored = { ...before, domain: pick('domain'), industry: pick('industry'), size: pick('size'), annualRevenue: pick('annualRevenue'), address: Object.keys(address).length ? (fill ? { ...address, ...before.address } : { ...before.address, ...address }) : before.address, customFields: fill ? { ...next.customFields, ...before.customFields } : { ...before.customFields, ...next.customFields } };
        const diff = changedFields(before, after);
        if (!Object.keys(diff.after).length) res.skipped++;
        else {
          await trx.updateTable('companies').set({ domain: after.domain, industry: after.industry, size: after.size, annualRevenue: after.annualRevenue, address: after.address ? JSON.stringify(after.address) : null, custom: JSON.stringify(after.customFields), updatedAt: now }).where('id', '=', match.id).execute();
          const [, , doc, grams] = companySearchRow(ctx, match.id, after) as [string, string, string, string | string[]];
          await trx.insertInto('searchIndex').values({ entity: 'company', entityId: match.id, doc, grams }).onConflict((oc) => oc.columns(['entity', 'entityId']).doUpdateSet({ doc, grams })).execute();
          await writeAudit(trx, ctx.db.engine, { actorId: ctx.actor.id ?? 'system', action: 'update', entity: 'company', entityId: match.id, ...diff });
          res.updated++;
        }
        for (const tag of (v.tags as string[]) ?? []) tags.push(['company', match.id, tag]);
      } else {
        const id = newId();
        inserts.push([id, next.name, next.domain, next.industry, next.size, next.annualRevenue, next.currency, Object.keys(address).length ? JSON.stringify(address) : null, ctx.actor.id, ctx.actor.teamId, JSON.stringify(next.customFields), now, now, sortName(next.name)]);
        search.push(companySearchRow(ctx, id, next));
        for (const tag of (v.tags as string[]) ?? []) tags.push(['company', id, tag]);
      }
    }
    await bulkInsert(trx, ctx.db.engine, 'companies', companyColumns, inserts);
    await bulkInsert(trx, ctx.db.engine, 'search_index', searchColumns(ctx.db.engine), search);
    await bulkInsert(trx, ctx.db.engine, 'tags', ['entity', 'entity_id', 'tag'].map((name) => ({ name, pg: 'text' as const })), tags, { ignoreConflicts: true });
    res.created = inserts.length;
    return res;
  },
};

registerImportTarget(companyTarget);
