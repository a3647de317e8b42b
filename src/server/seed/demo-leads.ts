// Demo leads: scoring and assignment rules, and inbound leads with UTM data and behaviour, through the real use cases.
import type { Db } from '../core/db/database.js';
import type { Actor } from '../core/auth/actor.js';
import { captureLead, createAssignmentRule, createScoringRule, recordActivity, settleLeads } from '../modules/sales/index.js';
import type { Staff } from './demo-accounts.js';
import { DAY, type Rand } from './demo-random.js';

const places = [
  { region: '上海市', city: '上海' },
  { region: '浙江省', city: '杭州' },
  { region: '江苏省', city: '南京' },
  { region: '广东省', city: '深圳' },
  { region: '广东省', city: '广州' },
  { region: '福建省', city: '厦门' },
  { region: '北京市', city: '北京' },
];
const utm = [
  { utmSource: 'baidu', utmMedium: 'cpc', utmCampaign: '2026春季获客', utmTerm: 'CRM系统' },
  { utmSource: 'wechat', utmMedium: 'social', utmCampaign: '公众号-客户管理白皮书' },
  { utmSource: 'google', utmMedium: 'cpc', utmCampaign: 'crm-global-q2', utmTerm: 'self-hosted crm' },
  { utmSource: 'newsletter', utmMedium: 'email', utmCampaign: '产品月刊-5月' },
  {},
];
const titles = ['采购经理', '市场总监', 'IT主管', '销售总监', '运营专员', '总经理', 'Head of Sales', 'IT Manager'];
const companies: [string, string, string][] = [
  ['华东精密制造', '制造业', '201-1000'],
  ['鼎新零售', '零售', '51-200'],
  ['云帆软件', '软件', '11-50'],
  ['远洋物流集团', '物流', '1000+'],
  ['安和医疗', '医疗', '201-1000'],
  ['青禾教育', '教育', '51-200'],
];
const families = ['陈', '刘', '张', '王', '李', '赵', '孙', '周', '吴', '郑', '冯', '何'];
const givens = ['思远', '雨桐', '嘉怡', '子豪', '若溪', '一帆', '梦琪', '立诚', '佳宁', '浩然', '晓雯', '俊杰'];

async function rules(db: Db, admin: Actor, staff: Staff) {
  const team = (name: string) => staff.members.find((m) => m.spec.team === name)?.actor.teamId ?? null;
  const scoring = [
    { kind: 'attribute', name: '决策层职位', field: 'title', operator: 'in', value: ['总经理', '销售总监', '市场总监', 'Head of Sales'], points: 20 },
    { kind: 'attribute', name: '经理/主管', field: 'title', operator: 'contains', value: '经理', points: 10 },
    { kind: 'attribute', name: '重点行业', field: 'industry', operator: 'in', value: ['制造业', '零售', '物流'], points: 15 },
    { kind: 'attribute', name: '大型企业', field: 'companySize', operator: 'in', value: ['201-1000', '1000+'], points: 15 },
    { kind: 'behaviour', name: '提交表单', event: 'form_submitted', points: 10, halfLifeDays: 60 },
    { kind: 'behaviour', name: '打开邮件', event: 'email_opened', points: 3, halfLifeDays: 14 },
    { kind: 'behaviour', name: '访问价格页', event: 'page_visited', points: 5, halfLifeDays: 7 },
    { kind: 'behaviour', name: '会面', event: 'meeting_held', points: 25, halfLifeDays: 45 },
    { kind: 'behaviour', name: '通话', event: 'call_logged', points: 8, halfLifeDays: 30 },
  ] as const;
  for (const r of scoring) await createScoringRule(db, admin, r as never);
  const assignment = [
    { name: '大客户 (1000+)', conditions: { companySizes: ['1000+'] }, teamId: team('Key Accounts'), strategy: 'round_robin' },
    { name: '华东', conditions: { regions: ['上海市', '浙江省', '江苏省', '湖北省'] }, teamId: team('华东销售部'), strategy: 'round_robin' },
    { name: '华南', conditions: { regions: ['广东省', '福建省', '四川省'] }, teamId: team('华南销售部'), strategy: 'least_loaded' },
    { name: '其他地区', conditions: {}, teamId: team('Key Accounts'), strategy: 'round_robin' },
  ] as const;
  for (const r of assignment) if (r.teamId) await createAssignmentRule(db, admin, r as never);
}

/** Returns how many inbound leads it captured. */
export async function createDemoLeads(db: Db, r: Rand, staff: Staff, count = 36): Promise<number> {
  await rules(db, staff.admin, staff);
  const now = Date.now();
  for (let i = 0; i < count; i++) {
    const place = r.pick(places);
    const [company, industry, size] = r.pick(companies);
    const familyName = families[i % families.length]!;
    const givenName = givens[(i * 5 + Math.floor(i / givens.length)) % givens.length]!;
    const { lead } = await captureLead(db, staff.admin, {
      name: familyName + givenName,
      givenName,
      familyName,
      email: `lead${i}@${['qq.com', '163.com', 'example.cn'][i % 3]}`,
      company,
      industry,
      companySize: size as never,
      title: r.pick(titles),
      region: place.region,
      city: place.city,
      country: 'CN',
      source: r.pick(['website', 'webinar', 'trade_show']),
      formName: r.pick(['联系我们', '预约演示', '下载白皮书']),
      message: r.pick(['想了解私有化部署的报价', '希望预约产品演示', '请发送案例资料', null]),
      ...r.pick(utm),
    });
    const visits = r.int(0, 4);
    for (let v = 0; v < visits; v++) {
      await recordActivity(db, staff.admin, lead.contactId, { kind: r.pick(['email_opened', 'page_visited'] as const), occurredAt: new Date(now - r.int(0, 40) * DAY).toISOString(), detail: { url: '/pricing' } });
    }
  }
  await settleLeads(db);
  return count;
}
