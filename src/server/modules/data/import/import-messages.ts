// The import error report (errors.csv) in the reader's language. The server speaks English and the web translates
// what it shows, but the CSV is downloaded directly, so its headers, severities and the reasons an import gives
// (cleanse.ts, the import targets, product and order imports) have their Chinese here. A reason not listed stays
// English (import-messages.test.ts checks that every reason written in the import code has a Chinese version).

export type ReportLang = 'en' | 'zh-CN';

/** `lang=zh-CN` (or zh…) from the query wins, then the first Accept-Language that is en or zh. */
export function reportLang(query: string | undefined, acceptLanguage: string | undefined): ReportLang {
  const pick = (v: string) => (v.toLowerCase().startsWith('zh') ? 'zh-CN' : v.toLowerCase().startsWith('en') ? 'en' : null);
  if (query) return pick(query) ?? 'en';
  for (const part of (acceptLanguage ?? '').split(',')) {
    const lang = pick(part.split(';')[0]!.trim());
    if (lang) return lang;
  }
  return 'en';
}

export const reportHeaders: Record<ReportLang, string[]> = {
  en: ['row', 'column', 'value', 'reason', 'severity'],
  'zh-CN': ['行号', '列', '值', '原因', '级别'],
};

const severityZh: Record<string, string> = { error: '错误（未导入）', warning: '警告（已导入，此单元格未采用或按原样保留）' };

const exact: Record<string, string> = {
  'a company needs a name': '公司需要名称',
  'a three-letter currency code such as CNY': '三个字母的货币代码，例如 CNY',
  'a contact needs a name (a Name, First name or Last name column with a value)': '联系人需要姓名（“姓名”“名”或“姓”列须有值）',
  'say whose it is: a contact email, phone or id, or a company': '请指明归属：联系人的邮箱、电话或编号，或者公司',
  'no contact you can see has this email, phone or id': '您可见的联系人中没有此邮箱、电话或编号',
  'an order line needs its order number': '订单行需要订单号',
  'an order line needs a SKU or an item name': '订单行需要 SKU 或商品名称',
  'a whole number of at least 1': '至少为 1 的整数',
  'a product needs a SKU': '产品需要 SKU',
  'a product needs a name (English or Chinese)': '产品需要名称（英文或中文）',
  'a product needs a price': '产品需要价格',
  'a price cannot be negative': '价格不能为负数',
};

type Vars = Record<string, string>;
const patterns: { re: RegExp; zh: (v: Vars) => string }[] = [
  { re: /^longer than (?<max>\d+) characters$/, zh: (v) => `超过 ${v.max} 个字符` },
  { re: /^"(?<value>.*)" is not a valid email address$/, zh: (v) => `“${v.value}”不是有效的邮箱地址` },
  { re: /^"(?<value>.*)" is not a valid phone number \(default region (?<region>.+)\)$/, zh: (v) => `“${v.value}”不是有效的电话号码（默认区域 ${v.region}）` },
  { re: /^"(?<value>.*)" is not a valid phone number for (?<region>\w+); kept as typed, not normalised$/, zh: (v) => `“${v.value}”不是 ${v.region} 的有效电话号码；已按原样保留，未做规范化` },
  { re: /^no user matches the owner "(?<value>.*)" \(by email or name\)$/, zh: (v) => `没有用户与负责人“${v.value}”匹配（按邮箱或姓名）` },
  { re: /^"(?<value>.*)" is not a date \(write it as YYYY-MM-DD\)$/, zh: (v) => `“${v.value}”不是日期（请写成 YYYY-MM-DD）` },
  { re: /^"(?<value>.*)" is not a real date$/, zh: (v) => `“${v.value}”不是有效的日期` },
  { re: /^"(?<value>.*)" is not a date and time$/, zh: (v) => `“${v.value}”不是日期时间` },
  { re: /^"(?<value>.*)" is not a real time$/, zh: (v) => `“${v.value}”不是有效的时间` },
  { re: /^"(?<value>.*)" is not yes\/no \(true\/false, 1\/0, 是\/否\)$/, zh: (v) => `“${v.value}”不是“是/否”（true/false、1/0、是/否）` },
  { re: /^"(?<value>.*)" is not a number$/, zh: (v) => `“${v.value}”不是数字` },
  { re: /^"(?<value>.*)" is not a domain such as example\.com$/, zh: (v) => `“${v.value}”不是域名（例如 example.com）` },
  { re: /^"(?<value>.*)" is not a size band \((?<sizes>.*)\) or a number of employees$/, zh: (v) => `“${v.value}”不是规模区间（${v.sizes}）或员工人数` },
  { re: /^"(?<value>.*)" is not one of: (?<options>.*)$/, zh: (v) => `“${v.value}”不在可选值中：${v.options}` },
  { re: /^the type is required: (?<types>.*)$/, zh: (v) => `必须填写类型：${v.types}` },
  { re: /^a (?<type>\w+) needs (?<field>\w+)$/, zh: (v) => `${v.type}需要填写 ${v.field}` },
  { re: /^external id "(?<value>.*)" already belongs to another contact$/, zh: (v) => `外部编号“${v.value}”已属于另一位联系人` },
  { re: /^no product with SKU (?<sku>.*) and no unit price$/, zh: (v) => `没有 SKU 为 ${v.sku} 的产品，也没有填写单价` },
  { re: /^no (?<currency>\w+) price: give a unit price$/, zh: (v) => `没有 ${v.currency} 价格：请填写单价` },
];

/** The reason in the report's language; null when there is no Chinese for it (the test keeps that from happening). */
export function translateImportReason(reason: string, lang: ReportLang): string | null {
  if (lang === 'en') return reason;
  if (exact[reason]) return exact[reason];
  for (const p of patterns) {
    const m = p.re.exec(reason);
    if (m) return p.zh(m.groups ?? {});
  }
  return null;
}

export const reportReason = (reason: string, lang: ReportLang): string => translateImportReason(reason, lang) ?? reason;
export const reportSeverity = (severity: string, lang: ReportLang): string => (lang === 'zh-CN' ? (severityZh[severity] ?? severity) : severity);
