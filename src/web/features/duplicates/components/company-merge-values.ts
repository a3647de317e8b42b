// How the company merge dialog shows each field's value, and which company's value the server keeps by default.
import { formatAddress, formatMoney } from '../../../lib/format';
import type { Company } from '../../../types/api';
import type { CompanyMergeField } from '../api/company-merge';
import { latestSource } from './merge-parts';

export const fieldLabelKey: Record<CompanyMergeField, string> = {
  name: 'companies.name',
  domain: 'companies.domain',
  industry: 'companies.industry',
  size: 'companies.size',
  annualRevenue: 'companies.revenue',
  address: 'duplicates.address',
  ownerId: 'common.owner',
};

const raw = (c: Company, f: CompanyMergeField): unknown => c[f];
const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

/** The value as the dialog shows it ('' when empty). */
export function shownValue(c: Company, f: CompanyMergeField): string {
  if (f === 'annualRevenue') return c.annualRevenue === null ? '' : formatMoney(c.annualRevenue, c.currency);
  if (f === 'address') return formatAddress(c.address);
  if (f === 'ownerId') return c.ownerId ? (c.ownerName ?? c.ownerId) : '';
  return (raw(c, f) as string | null) ?? '';
}

/** As the server decides without a choice: the most recently updated company with a value (the survivor wins ties). */
export function defaultSource(companies: Company[], f: CompanyMergeField, survivorId: string): string {
  return latestSource(companies, (c) => !isEmpty(raw(c, f)), survivorId);
}
