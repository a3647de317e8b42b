// Fixed vocabulary of the demo seed: the demo staff, company names, places, titles and tags (Chinese and English).
import type { Role } from '../core/auth/actor.js';

export const DEMO_DOMAIN = 'demo.rapport.dev';
export const DEMO_PASSWORD = 'demo12345';

export const demoTeams = ['华东销售部', '华南销售部', 'Key Accounts', 'Marketing', 'Support'] as const;
export type DemoTeam = (typeof demoTeams)[number];

export interface StaffSpec {
  login: string;
  name: string;
  role: Role;
  team: DemoTeam | null;
  locale: 'en' | 'zh-CN';
  /** Team managers become the team's manager once they exist. */
  leads?: boolean;
}

export const demoStaff: StaffSpec[] = [
  { login: 'li.jing', name: '李静', role: 'admin', team: null, locale: 'zh-CN' },
  { login: 'wang.fang', name: '王芳', role: 'manager', team: '华东销售部', locale: 'zh-CN', leads: true },
  { login: 'zhang.wei', name: '张伟', role: 'sales', team: '华东销售部', locale: 'zh-CN' },
  { login: 'liu.yang', name: '刘洋', role: 'sales', team: '华东销售部', locale: 'zh-CN' },
  { login: 'chen.gang', name: '陈刚', role: 'manager', team: '华南销售部', locale: 'zh-CN', leads: true },
  { login: 'huang.ting', name: '黄婷', role: 'sales', team: '华南销售部', locale: 'zh-CN' },
  { login: 'lin.hao', name: '林浩', role: 'sales', team: '华南销售部', locale: 'zh-CN' },
  { login: 'david.miller', name: 'David Miller', role: 'manager', team: 'Key Accounts', locale: 'en', leads: true },
  { login: 'sarah.johnson', name: 'Sarah Johnson', role: 'sales', team: 'Key Accounts', locale: 'en' },
  { login: 'zhou.yiming', name: '周一鸣', role: 'sales', team: 'Key Accounts', locale: 'zh-CN' },
  { login: 'zhao.xue', name: '赵雪', role: 'marketing', team: 'Marketing', locale: 'zh-CN', leads: true },
  { login: 'olivia.brown', name: 'Olivia Brown', role: 'marketing', team: 'Marketing', locale: 'en' },
  { login: 'sun.lei', name: '孙磊', role: 'support', team: 'Support', locale: 'zh-CN', leads: true },
  { login: 'james.wilson', name: 'James Wilson', role: 'support', team: 'Support', locale: 'en' },
];

export interface Place {
  city: string;
  region: string;
  country: string;
  postalCode: string;
  streets: string[];
  /** Which sales team covers it. */
  team: DemoTeam;
  landline?: string;
}

export const cnPlaces: Place[] = [
  { city: '上海', region: '上海市', country: 'CN', postalCode: '200120', streets: ['浦东新区张江路', '徐汇区漕溪北路', '静安区南京西路', '闵行区虹梅路'], team: '华东销售部', landline: '021' },
  { city: '杭州', region: '浙江省', country: 'CN', postalCode: '310012', streets: ['西湖区文三路', '滨江区网商路', '余杭区文一西路'], team: '华东销售部', landline: '0571' },
  { city: '南京', region: '江苏省', country: 'CN', postalCode: '210008', streets: ['鼓楼区中山北路', '建邺区江东中路', '玄武区珠江路'], team: '华东销售部', landline: '025' },
  { city: '苏州', region: '江苏省', country: 'CN', postalCode: '215021', streets: ['工业园区星湖街', '姑苏区人民路', '高新区狮山路'], team: '华东销售部', landline: '0512' },
  { city: '广州', region: '广东省', country: 'CN', postalCode: '510620', streets: ['天河区天河路', '海珠区新港中路', '越秀区环市东路'], team: '华南销售部', landline: '020' },
  { city: '深圳', region: '广东省', country: 'CN', postalCode: '518057', streets: ['南山区科技园南路', '福田区深南大道', '宝安区新安街道'], team: '华南销售部', landline: '0755' },
  { city: '厦门', region: '福建省', country: 'CN', postalCode: '361008', streets: ['思明区湖滨南路', '湖里区软件园二期'], team: '华南销售部', landline: '0592' },
  { city: '北京', region: '北京市', country: 'CN', postalCode: '100020', streets: ['朝阳区建国路', '海淀区中关村大街', '东城区东直门南大街'], team: 'Key Accounts', landline: '010' },
  { city: '成都', region: '四川省', country: 'CN', postalCode: '610041', streets: ['高新区天府大道', '锦江区红星路'], team: '华南销售部', landline: '028' },
  { city: '武汉', region: '湖北省', country: 'CN', postalCode: '430074', streets: ['洪山区光谷大道', '江汉区建设大道'], team: '华东销售部', landline: '027' },
];

export const worldPlaces: Place[] = [
  { city: 'San Francisco', region: 'CA', country: 'US', postalCode: '94105', streets: ['Market St', 'Mission St', 'Howard St'], team: 'Key Accounts' },
  { city: 'New York', region: 'NY', country: 'US', postalCode: '10001', streets: ['Broadway', '5th Ave', 'W 34th St'], team: 'Key Accounts' },
  { city: 'London', region: 'England', country: 'GB', postalCode: 'EC2A 4NE', streets: ['Old Street', 'Shoreditch High St'], team: 'Key Accounts' },
  { city: 'Singapore', region: 'Singapore', country: 'SG', postalCode: '018956', streets: ['Marina Blvd', 'Robinson Rd'], team: 'Key Accounts' },
  { city: 'Sydney', region: 'NSW', country: 'AU', postalCode: '2000', streets: ['George St', 'Pitt St'], team: 'Key Accounts' },
  { city: 'Toronto', region: 'ON', country: 'CA', postalCode: 'M5H 2N2', streets: ['Bay St', 'King St W'], team: 'Key Accounts' },
];

/** Brand words of Chinese companies and the pinyin used for their web domains. */
export const cnBrands: [string, string][] = [
  ['恒瑞', 'hengrui'], ['华信', 'huaxin'], ['天合', 'tianhe'], ['博远', 'boyuan'], ['鼎盛', 'dingsheng'], ['宏达', 'hongda'],
  ['安泰', 'antai'], ['瑞丰', 'ruifeng'], ['金桥', 'jinqiao'], ['新源', 'xinyuan'], ['中科', 'zhongke'], ['远航', 'yuanhang'],
  ['百川', 'baichuan'], ['启明', 'qiming'], ['云帆', 'yunfan'], ['海纳', 'haina'], ['星辰', 'xingchen'], ['智汇', 'zhihui'],
  ['东方', 'dongfang'], ['盛通', 'shengtong'], ['凯撒', 'kaisa'], ['嘉禾', 'jiahe'], ['卓越', 'zhuoyue'], ['万象', 'wanxiang'],
];

/** Chinese company kinds: name suffix, domain word, industry. */
export const cnKinds: [string, string, string][] = [
  ['科技', 'tech', 'Software'], ['信息技术', 'it', 'Software'], ['电子', 'elec', 'Manufacturing'], ['实业', 'group', 'Manufacturing'],
  ['医药', 'pharma', 'Healthcare'], ['物流', 'logistics', 'Logistics'], ['教育科技', 'edu', 'Education'], ['食品', 'food', 'Food & Beverage'],
  ['管理咨询', 'consulting', 'Consulting'], ['贸易', 'trading', 'Retail'], ['置业', 'estate', 'Real Estate'], ['金融服务', 'finance', 'Finance'],
];

export const enBrands = ['Acme', 'Globex', 'Initech', 'Northwind', 'Contoso', 'Fabrikam', 'Blue Harbor', 'Summit', 'Evergreen', 'Brightline', 'Redwood', 'Atlas', 'Keystone', 'Lumen', 'Silverline', 'Pinecrest', 'Meridian', 'Hooli', 'Vandelay', 'Cyberdyne'];
export const enKinds: [string, string][] = [
  ['Software', 'Software'], ['Analytics', 'Software'], ['Manufacturing', 'Manufacturing'], ['Health', 'Healthcare'], ['Capital', 'Finance'],
  ['Learning', 'Education'], ['Freight', 'Logistics'], ['Foods', 'Food & Beverage'], ['Advisory', 'Consulting'], ['Retail', 'Retail'], ['Properties', 'Real Estate'],
];
export const enLegal = ['Inc.', 'Ltd.', 'Group', 'LLC', 'Co.'];

export const companySizeWeights: [string, number][] = [['1-10', 10], ['11-50', 30], ['51-200', 30], ['201-1000', 20], ['1000+', 10]];
/** Annual revenue range per size, in major units (yuan/dollars). */
export const revenueBySize: Record<string, [number, number]> = {
  '1-10': [500_000, 8_000_000], '11-50': [5_000_000, 40_000_000], '51-200': [30_000_000, 200_000_000],
  '201-1000': [150_000_000, 1_500_000_000], '1000+': [1_000_000_000, 20_000_000_000],
};

export const companyTags = ['战略客户', '渠道伙伴', '续约中', '2025展会', 'key-account', 'partner', 'expansion', 'at-risk', 'reference-customer'];
export const contactTags = ['决策人', '技术对接', '预算负责人', '展会线索', '老客户推荐', 'decision-maker', 'champion', 'newsletter', 'webinar', 'budget-holder'];

export const cnTitles = ['总经理', '副总经理', '采购经理', '采购专员', '销售总监', '市场经理', '财务主管', 'IT 经理', '技术总监', '运营总监', '行政主管', '工程师', '产品经理', '董事长助理'];
export const enTitles = ['CEO', 'CTO', 'CFO', 'VP Sales', 'Head of Procurement', 'Purchasing Manager', 'Marketing Director', 'IT Manager', 'Operations Manager', 'Engineer', 'Product Manager', 'Office Manager'];

/** Lifecycle funnel: many subscribers and leads, fewer opportunities, a solid customer base, some churn. */
export const stageWeights: [string, number][] = [['subscriber', 16], ['lead', 30], ['qualified', 17], ['opportunity', 11], ['customer', 21], ['churned', 5]];
export const sourceWeights: [string, number][] = [['website', 24], ['referral', 16], ['trade show', 14], ['wechat', 14], ['cold call', 10], ['partner', 10], ['advertising', 12]];
