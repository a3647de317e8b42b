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
const consentCell = (c: Contact, ch: 'email' | 'sms' | 'phone') => ({ granted: true, withdrawn: false, unknown: null })[c.consentStatus[ch].status];
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
  // true granted, false withdrawn, empty never asked: the import reads the same cells back to the same statuses.
  consentEmail: ['Email consent', (c) => consentCell(c, 'email')],
  consentEmailSource: ['Email consent source', (c) => c.consentStatus.email.source],
  consentEmailAt: ['Email consent date', (c) => c.consentStatus.email.at],
  consentSms: ['SMS consent', (c) => consentCell(c, 'sms')],
  consentSmsSource: ['SMS consent source', (c) => c.consentStatus.sms.source],
  consentSmsAt: ['SMS consent date', (c) => c.consentStatus.sms.at],
  consentPhone: ['Phone consent', (c) => consentCell(c, 'phone')],
  consentPhoneSource: ['Phone consent source', (c) => c.consentStatus.phone.source],
  consentPhoneAt: ['Phone consent date', (c) => c.consentStatus.phone.at],
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

/** Column headers in Chinese, for a file exported from the Chinese UI (custom fields keep their own labels). */
const zhHeaders: Record<string, string> = {
  id: 'ID', externalId: '外部编号', displayName: '姓名', givenName: '名', familyName: '姓', title: '职位', companyId: '公司 ID',
  companyName: '公司', emails: '邮箱', phones: '电话', address: '地址', birthday: '生日', source: '来源', lifecycleStage: '生命周期阶段',
  ownerId: '负责人 ID', ownerName: '负责人', tags: '标签', consentEmail: '邮件许可', consentSms: '短信许可', consentPhone: '电话许可',
  consentEmailSource: '邮件许可来源', consentEmailAt: '邮件许可日期', consentSmsSource: '短信许可来源', consentSmsAt: '短信许可日期',
  consentPhoneSource: '电话许可来源', consentPhoneAt: '电话许可日期',
  createdAt: '创建时间', updatedAt: '更新时间', name: '名称', domain: '域名', industry: '行业', size: '规模',
  annualRevenue: '年收入（最小货币单位）', currency: '币种', contactCount: '联系人数',
};

export type ExportLang = 'en' | 'zh-CN';

function builtInColumns(object: ExportObject): Record<string, [string, (r: Record_) => Cell]> {
  return (object === 'contacts' ? contactCols : companyCols) as Record<string, [string, (r: Record_) => Cell]>;
}

const headerOf = (key: string, en: string, lang: ExportLang) => (lang === 'zh-CN' ? (zhHeaders[key] ?? en) : en);

/** Every column an export of `object` can carry, in order, with its header and whether it is exported by default. */
export function exportColumnChoices(object: ExportObject, customFields: CustomField[], lang: ExportLang = 'en'): { key: string; header: string; default: boolean }[] {
  // The default columns first, in the order a default export writes them, then the others.
  const all = builtInColumns(object);
  const keys = [...defaults[object], ...Object.keys(all).filter((k) => !defaults[object].includes(k))];
  const builtIn = keys.map((key) => ({ key, header: headerOf(key, all[key]![0], lang), default: defaults[object].includes(key) }));
  return [...builtIn, ...customFields.map((f) => ({ key: `cf.${f.key}`, header: f.label, default: true }))];
}

function customCell(f: CustomField, r: Record_): Cell {
  const v = r.customFields[f.key];
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return v.join('; ');
  return typeof v === 'object' ? JSON.stringify(v) : (v as Cell);
}

/** Resolves the requested column keys (default: the list's usual columns plus every custom field); unknown keys are a 422. */
export function resolveColumns(object: ExportObject, requested: string | undefined, customFields: CustomField[], lang: ExportLang = 'en'): ExportColumn[] {
  const builtIn = builtInColumns(object);
  const keys = requested ? requested.split(',').map((k) => k.trim()).filter(Boolean) : [...defaults[object], ...customFields.map((f) => `cf.${f.key}`)];
  const unknown: string[] = [];
  const cols: ExportColumn[] = [];
  for (const key of keys) {
    const cf = key.startsWith('cf.') ? customFields.find((f) => f.key === key.slice(3)) : undefined;
    if (cf) cols.push({ key, header: cf.label, get: (r) => customCell(cf, r) });
    else if (builtIn[key]) cols.push({ key, header: headerOf(key, builtIn[key][0], lang), get: builtIn[key][1] });
    else unknown.push(key);
  }
  if (unknown.length || cols.length === 0) {
    const allowed = [...Object.keys(builtIn), ...customFields.map((f) => `cf.${f.key}`)].join(', ');
    throw new AppError('validation', unknown.length ? `Unknown export column(s): ${unknown.join(', ')}` : 'Name at least one column', [{ path: 'columns', message: `comma-separated, from: ${allowed}` }]);
  }
  return cols;
}
