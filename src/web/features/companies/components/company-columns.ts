// The columns the companies table can show besides the name, with their header keys (custom fields join as cf.<key>).
export const COMPANY_COLUMNS = {
  industry: 'companies.industry',
  size: 'companies.size',
  annualRevenue: 'companies.revenue',
  contacts: 'companies.contacts',
  owner: 'common.owner',
  tags: 'common.tags',
  createdAt: 'common.created',
} as const;
export type CompanyColumn = keyof typeof COMPANY_COLUMNS;
export const DEFAULT_COMPANY_COLUMNS: string[] = Object.keys(COMPANY_COLUMNS);
