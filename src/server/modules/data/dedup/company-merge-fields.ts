// Which value of each company field survives a merge: the one the user chose (field → source company), else the
// most recently updated non-empty one; custom fields merge key by key and tags are combined.
import type { CompanyRecord } from '../../customers/index.js';
import { isEmpty } from './merge-fields.js';

export const companyMergeableFields = ['name', 'domain', 'industry', 'size', 'annualRevenue', 'address', 'ownerId', 'customFields'] as const;
export type CompanyMergeableField = (typeof companyMergeableFields)[number];

type Snap = { row: CompanyRecord; tags: string[] };

/** The row columns each API field is stored in (a revenue keeps its currency, an owner their team). */
const columnsOf: Record<CompanyMergeableField, (keyof CompanyRecord)[]> = {
  name: ['name'],
  domain: ['domain'],
  industry: ['industry'],
  size: ['size'],
  annualRevenue: ['annualRevenue', 'currency'],
  address: ['address'],
  ownerId: ['ownerId', 'teamId'],
  customFields: ['custom'],
};

/**
 * The survivor's row after the merge. `records` holds the survivor and the merged companies; `chosen` maps a field
 * to the company whose value wins. The survivor keeps its id and creation time.
 */
export function mergedCompanyRow(survivor: Snap, records: Snap[], chosen: Partial<Record<CompanyMergeableField, string>>): Snap {
  // Most recent first; the survivor wins ties.
  const byRecency = [...records].sort((a, b) => (b.row.updatedAt > a.row.updatedAt ? 1 : b.row.updatedAt < a.row.updatedAt ? -1 : a.row.id === survivor.row.id ? -1 : 1));
  const row = { ...survivor.row } as Record<string, unknown>;
  for (const field of companyMergeableFields) {
    const cols = columnsOf[field];
    const source = chosen[field];
    if (source) {
      const from = records.find((r) => r.row.id === source)!;
      for (const c of cols) row[c] = from.row[c];
      continue;
    }
    if (field === 'customFields') {
      const custom: Record<string, unknown> = {};
      for (const r of [...byRecency].reverse()) for (const [k, v] of Object.entries(JSON.parse(r.row.custom) as Record<string, unknown>)) if (!isEmpty(v)) custom[k] = v;
      row.custom = JSON.stringify(custom);
      continue;
    }
    const from = byRecency.find((r) => !isEmpty(r.row[cols[0]!])) ?? survivor;
    for (const c of cols) row[c] = from.row[c];
  }
  row.updatedAt = new Date().toISOString();
  const tags = [...new Set(records.flatMap((r) => r.tags))].sort();
  return { row: row as CompanyRecord, tags };
}
