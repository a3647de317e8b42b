// The columns an export can carry, per object: how each is named in the header and read from a list row.
import type { Contact, Company, CustomField } from '../../customers/index.js';
import { AppError } from '../../../core/errors.js';

export type ExportObject = 'contacts' | 'companies';
type Cell = string | number | boolean | null;
type Record_ = Contact | Company;

export interface ExportColumn {
  key: string;
  header: string;
  /** The cell for CSV and XLSX: lists are joined with "; " so one record stays one line. */
  get(r: Record_): Cell;
}

const list = (v: unknown) => (Array.isArray(v) ? v.join('; ') : null);
const formatAddress = (a: Contact['address']) => (a ? [a.street, a.city, a.region, a.postalCode, a.country].filter(Boolean).join(', ') : null);

const contactCols: Record<string, [string, (c: Contact) => Cell]> = {
  id: ['ID', (c) => c.id],
  externalId: ['External ID', (c) => c.externalId],
  displayName: ['Name', (c) => c.displayName],
  givenName: ['Given name', (c) => c.givenName],
  familyName: ['Family name', (c) => c.familyName],
  title: ['Title', (c) => c.title],
  companyId: ['Company ID', (c) => c.companyId],
  companyName: ['Company', (c) => c.companyName],
  emails: ['Emails', (c) => list(c.emails)],
  phones: ['Phones', (c) => list(c.phones)],
  address: ['Address', (c) => formatAddress(c.address)],
  birthday: ['Birthday', (c) => c.birthday],
  source: ['Source', (c) => c.source],
  lifecycleStage: ['Lifecycle stage', (c) => c.lifecycleStage],
  ownerId: ['Owner ID', (c) => c.ownerId],
  ownerName: ['Owner', (c) => c.ownerName],
  tags: ['Tags', (c) => list(c.tags)],
  consentEmail: ['Email consent', (c) => c.consent.email],
  consentSms: ['SMS consent', (c) => c.consent.sms],
  consentPhone: ['Phone consent', (c) => c.consent.phone],
  createdAt: ['Created', (c) => c.createdAt],
  updatedAt: ['Updated', (c) => c.updatedAt],
};

const companyCols: Record<string, [string, (c: Company) => Cell]> = {
  id: ['ID', (c) => c.id],
  name: ['Name', (c) => c.name],
  domain: ['Domain', (c) => c.domain],
  industry: ['Industry', (c) => c.industry],
  size: ['Size', (c) => c.size],
  annualRevenue: ['Annual revenue (minor units)', (c) => c.annualRevenue],
  currency: ['Currency', (c) => c.currency],
  address: ['Address', (c) => formatAddress(c.address)],
  ownerId: ['Owner ID', (c) => c.ownerId],
  ownerName: ['Owner', (c) => c.ownerName],
  tags: ['Tags', (c) => list(c.tags)],
  contactCount: ['Contacts', (c) => c.contactCount],
  createdAt: ['Created', (c) => c.createdAt],
  updatedAt: ['Updated', (c) => c.updatedAt],
};

const defaults: Record<ExportObject, string[]> = {
  contacts: ['displayName', 'emails', 'phones', 'title', 'companyName', 'lifecycleStage', 'ownerName', 'tags', 'createdAt'],
  companies: ['name', 'domain', 'industry', 'size', 'annualRevenue', 'currency', 'ownerName', 'tags', 'contactCount', 'createdAt'],
};

function customCell(f: CustomField, r: Record_): Cell {
  const v = r.customFields[f.key];
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return v.join('; ');
  return typeof v === 'object' ? JSON.stringify(v) : (v as Cell);
}

/** Resolves the requested column keys (default: the list's usual columns plus every custom field); unknown keys are a 422. */
export function resolveColumns(object: ExportObject, requested: string | undefined, customFields: CustomField[]): ExportColumn[] {
  const builtIn = (object === 'contacts' ? contactCols : companyCols) as Record<string, [string, (r: Record_) => Cell]>;
  const keys = requested ? requested.split(',').map((k) => k.trim()).filter(Boolean) : [...defaults[object], ...customFields.map((f) => `cf.${f.key}`)];
  const unknown: string[] = [];
  const cols: ExportColumn[] = [];
  for (const key of keys) {
    const cf = key.startsWith('cf.') ? customFields.find((f) => f.key === key.slice(3)) : undefined;
    if (cf) cols.push({ key, header: cf.label, get: (r) => customCell(cf, r) });
    else if (builtIn[key]) cols.push({ key, header: builtIn[key][0], get: builtIn[key][1] });
    else unknown.push(key);
  }
  if (unknown.length || cols.length === 0) {
    const allowed = [...Object.keys(builtIn), ...customFields.map((f) => `cf.${f.key}`)].join(', ');
    throw new AppError('validation', unknown.length ? `Unknown export column(s): ${unknown.join(', ')}` : 'Name at least one column', [{ path: 'columns', message: `comma-separated, from: ${allowed}` }]);
  }
  return cols;
}
