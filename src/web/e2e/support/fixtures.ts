// Creates realistic records through the public API (no database shortcuts), for screenshots and tests.

export class ApiSession {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  static async login(baseUrl: string, email: string, password: string): Promise<ApiSession> {
    const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { token: string };
    return new ApiSession(baseUrl, body.token);
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} failed: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

interface Created {
  id: string;
}

export interface DemoData {
  contactId: string;
  companyId: string;
}

/** A small bilingual data set: companies, contacts, custom fields, a team, a user and a timeline. */
export async function createDemoData(api: ApiSession): Promise<DemoData> {
  const me = (await api.call<{ user: { id: string } }>('GET', '/auth/me')).user;
  const team = await api.call<Created>('POST', '/teams', { name: '华东销售部' });
  await api.call('POST', '/users', { email: 'li.na@example.com', name: '李娜', password: 'password123', role: 'sales', teamId: team.id });
  await api.call('POST', '/custom-fields', { object: 'contact', key: 'preferred_channel', label: 'Preferred channel', type: 'select', options: ['WeChat', 'Email', 'Phone'] });
  await api.call('POST', '/custom-fields', { object: 'company', key: 'contract_end', label: 'Contract end', type: 'date', options: [] });

  const companies: Created[] = [];
  for (const c of [
    { name: '上海星辰科技有限公司', domain: 'xingchen.cn', industry: 'Software', size: '51-200', annualRevenue: 1_250_000_000, tags: ['VIP'] },
    { name: 'Acme Trading Ltd', domain: 'acme.example', industry: 'Retail', size: '11-50', annualRevenue: 350_000_000 },
    { name: '深圳海蓝物流', domain: 'hailan.cn', industry: 'Logistics', size: '201-1000', annualRevenue: 9_800_000_000 },
  ]) {
    companies.push(await api.call<Created>('POST', '/companies', c));
  }
  const [star, acme, hailan] = companies as [Created, Created, Created];

  const people = [
    { displayName: '王芳', title: '采购经理', companyId: star.id, emails: ['wang.fang@xingchen.cn'], phones: ['13800138000'], lifecycleStage: 'customer', tags: ['VIP', '华东'] },
    { displayName: 'Emily Chen', title: 'Head of Operations', companyId: acme.id, emails: ['emily@acme.example'], phones: ['+14155550123'], lifecycleStage: 'opportunity' },
    { displayName: '刘强', title: '物流总监', companyId: hailan.id, emails: ['liu.qiang@hailan.cn'], phones: ['13912345678'], lifecycleStage: 'qualified' },
    { displayName: 'David Müller', title: 'CTO', companyId: star.id, emails: ['d.mueller@example.de'], phones: [], lifecycleStage: 'lead', tags: ['partner'] },
    { displayName: '陈静', title: '市场专员', companyId: null, emails: ['chenjing@example.com'], phones: ['13700001111'], lifecycleStage: 'subscriber' },
  ];
  const contacts: Created[] = [];
  for (const p of people) contacts.push(await api.call<Created>('POST', '/contacts', { ...p, customFields: { preferred_channel: 'WeChat' } }));
  const main = contacts[0]!;

  const hour = 3_600_000;
  const now = Date.now();
  await api.call('POST', '/interactions', { type: 'note', contactId: main.id, body: '对新版报价很感兴趣，希望下周安排产品演示。' });
  await api.call('POST', '/interactions', { type: 'call', contactId: main.id, direction: 'outbound', durationSeconds: 540, outcome: 'connected', subject: '报价跟进', body: '确认预算已批准。' });
  await api.call('POST', '/interactions', {
    type: 'meeting',
    contactId: main.id,
    subject: 'Product demo',
    startsAt: new Date(now - 48 * hour).toISOString(),
    endsAt: new Date(now - 47 * hour).toISOString(),
    attendees: ['王芳', 'Emily Chen'],
  });
  await api.call('POST', '/interactions', { type: 'task', contactId: main.id, subject: '发送合同草稿', dueAt: new Date(now + 24 * hour).toISOString(), assigneeId: me.id });
  await api.call('POST', '/interactions', { type: 'task', companyId: acme.id, subject: 'Renewal review', dueAt: new Date(now - 24 * hour).toISOString(), assigneeId: me.id });
  await api.call('POST', '/interactions', { type: 'note', companyId: star.id, body: 'Annual framework agreement under negotiation.' });
  return { contactId: main.id, companyId: star.id };
}
