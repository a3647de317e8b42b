// Which value of each company field survives a merge (the rule is merge-row.ts's): the one the user chose, else the
// most recently updated non-empty one; custom fields merge key by key and tags are combined.
import type { CompanyRecord } from '../../customers/index.js';
import { combineCustomFields, mergedRecord, type MergeSnap, type MergeSpec } from './merge-row.js';

export const companyMergeableFields = ['name', 'domain', 'industry', 'size', 'annualRevenue', 'address', 'ownerId', 'customFields'] as const;
export type CompanyMergeableField = (typeof companyMergeableFields)[number];

const spec: MergeSpec<CompanyRecord, CompanyMergeableField> = {
  fields: companyMergeableFields,
  // The row columns each API field is stored in (a revenue keeps its currency, an owner their team).
  columnsOf: {
    name: ['name'],
    domain: ['domain'],
    industry: ['industry'],
    size: ['size'],
    annualRevenue: ['annualRevenue', 'currency'],
    address: ['address'],
    ownerId: ['ownerId', 'teamId'],
    customFields: ['custom'],
  },
  combine: { customFields: combineCustomFields },
};

/** The survivor's row after the merge; `chosen` maps a field to the company whose value wins. */
export function mergedCompanyRow(survivor: MergeSnap<CompanyRecord>, records: MergeSnap<CompanyRecord>[], chosen: Partial<Record<CompanyMergeableField, string>>): MergeSnap<CompanyRecord> {
  return mergedRecord(spec, survivor, records, chosen);
}
