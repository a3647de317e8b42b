// What the demo timeline says: notes, call summaries, emails, meetings and tasks, in Chinese and in English.
// {product}, {pct}, {qty}, {weeks} and {name} are filled in per interaction.

export type Lang = 'zh' | 'en';

export const products: Record<Lang, string[]> = {
  zh: ['企业版年度订阅', '实施服务包', '培训套餐', 'API 集成包', '私有化部署方案', '高级支持服务'],
  en: ['Enterprise annual plan', 'Implementation package', 'Training bundle', 'API add-on', 'On-premise edition', 'Premium support'],
};

export const notes: Record<Lang, string[]> = {
  zh: [
    '客户对{product}很感兴趣，但预算要等下个季度批复。',
    '{name}提到他们目前在用竞品，合同年底到期，可以提前介入。',
    '客户内部组织架构调整，采购流程改为集团统一招标。',
    '拜访后整理：客户最关心数据安全和私有化部署，需要技术同事配合准备材料。',
    '客户反馈上次演示效果不错，希望安排一次给管理层的汇报。',
    '{name}是本项目的关键决策人，沟通风格直接，重视性价比。',
    '客户希望把{qty}个门店的数据统一管理，需求比较明确。',
    '财务部门对付款方式有疑问，倾向于按季度付款。',
    '已把客户加入年度客户答谢会邀请名单。',
    '客户近期投诉较多，续约有风险，需要重点关注。',
  ],
  en: [
    'Strong interest in the {product}, but budget approval only comes next quarter.',
    '{name} mentioned they use a competitor today; their contract ends in December, so we can get in early.',
    'Their procurement moved to a central tender process after the reorganisation.',
    'Debrief after the visit: data security and on-premise hosting are their top concerns. Need a solutions engineer.',
    'Last demo landed well; they want a session for the leadership team.',
    '{name} is the key decision maker: direct, very price-conscious.',
    'They want to manage {qty} locations from one place; requirements are clear.',
    'Finance asked about payment terms and prefers quarterly billing.',
    'Added them to the invite list for the annual customer dinner.',
    'Several complaints lately; renewal is at risk, keep a close eye on this account.',
  ],
};

/** Call summaries by outcome; outcomes are kept as short English codes so reports can group them. */
export const calls: Record<Lang, Record<string, string[]>> = {
  zh: {
    connected: [
      '电话沟通了报价，客户希望下周给出折扣方案。',
      '确认了实施时间表，客户希望{weeks}周内上线。',
      '客户询问{product}的价格，已口头说明，稍后发正式报价。',
      '跟进合同审批进度，法务还在审核条款。',
      '客户来电咨询账号权限设置，已远程指导解决。',
      '讨论续约条款，客户希望再优惠{pct}%。',
    ],
    'no answer': ['未接通，稍后再打。', '电话无人接听，已发短信说明来意。'],
    'left voicemail': ['未接通，已留言请客户回电。'],
    'callback requested': ['客户正在开会，约定明天下午回电。', '客户让我们周五再联系，届时会有预算结论。'],
  },
  en: {
    connected: [
      'Discussed pricing; they want a discount proposal by next week.',
      'Confirmed the rollout timeline: they want to go live within {weeks} weeks.',
      'Asked about pricing for the {product}; gave a ballpark, formal quote to follow.',
      'Checked on contract approval; legal is still reviewing the terms.',
      'Inbound call about user permissions; walked them through it remotely.',
      'Discussed renewal terms; they are asking for another {pct}% off.',
    ],
    'no answer': ['No answer, will try again later.', 'No pickup; sent a text explaining why we called.'],
    'left voicemail': ['Left a voicemail asking them to call back.'],
    'callback requested': ['They were in a meeting; call back tomorrow afternoon.', 'Asked us to call on Friday when the budget is decided.'],
  },
};

export const emails: Record<Lang, { subject: string; body: string; direction: 'inbound' | 'outbound' }[]> = {
  zh: [
    { subject: '{product}报价单', body: '{name}您好，附件是{product}的正式报价，有效期 30 天，如有疑问请随时联系。', direction: 'outbound' },
    { subject: '会议纪要及后续安排', body: '感谢今天的时间，会议纪要见附件，下周我们会提交实施方案初稿。', direction: 'outbound' },
    { subject: '关于合同付款条款', body: '我们财务希望改为按季度付款，请确认是否可行。', direction: 'inbound' },
    { subject: '产品试用申请', body: '您好，我们想申请{product}的试用账号，团队大约{qty}人。', direction: 'inbound' },
    { subject: '续约提醒', body: '{name}您好，贵司的服务将于下月到期，我们准备了续约优惠方案，期待您的回复。', direction: 'outbound' },
    { subject: 'Re: 发票问题', body: '发票已收到，谢谢。另外请提供一下开户行信息。', direction: 'inbound' },
  ],
  en: [
    { subject: 'Quote for the {product}', body: 'Hi {name}, please find attached our quote for the {product}, valid for 30 days. Happy to walk you through it.', direction: 'outbound' },
    { subject: 'Meeting notes and next steps', body: 'Thanks for your time today. Notes attached; we will send a first rollout plan next week.', direction: 'outbound' },
    { subject: 'Payment terms', body: 'Our finance team would prefer quarterly payments. Could you confirm that works?', direction: 'inbound' },
    { subject: 'Trial request', body: 'Hello, we would like a trial of the {product} for a team of about {qty} people.', direction: 'inbound' },
    { subject: 'Your renewal', body: 'Hi {name}, your subscription renews next month. We have prepared renewal options for you; let us know what you think.', direction: 'outbound' },
    { subject: 'Re: invoice', body: 'Invoice received, thanks. Could you also send your bank details?', direction: 'inbound' },
  ],
};

export const meetings: Record<Lang, { subject: string; body: string }[]> = {
  zh: [
    { subject: '产品演示', body: '向客户 IT 和业务部门演示了{product}，重点讲解了报表和权限管理。' },
    { subject: '需求调研', body: '现场调研业务流程，梳理出{qty}个关键需求，下周输出方案。' },
    { subject: '商务谈判', body: '讨论价格和付款方式，客户希望折扣{pct}%，需要内部审批。' },
    { subject: '季度业务回顾', body: '回顾上季度使用情况，客户满意度较高，提出了两项改进建议。' },
    { subject: '项目启动会', body: '双方项目组见面，确认实施范围、里程碑和沟通机制。' },
  ],
  en: [
    { subject: 'Product demo', body: 'Demoed the {product} to IT and business stakeholders, focusing on reporting and permissions.' },
    { subject: 'Discovery workshop', body: 'Walked through their processes on site; captured {qty} key requirements, proposal due next week.' },
    { subject: 'Commercial negotiation', body: 'Discussed price and payment terms; they want {pct}% off, needs internal approval.' },
    { subject: 'Quarterly business review', body: 'Reviewed last quarter\'s usage. Satisfaction is high; they raised two improvement requests.' },
    { subject: 'Project kick-off', body: 'Both project teams met; agreed scope, milestones and how we communicate.' },
  ],
};

export const tasks: Record<Lang, string[]> = {
  zh: ['发送正式报价', '准备折扣方案并提交审批', '安排技术交流会', '跟进合同盖章', '回访客户满意度', '准备续约方案', '寄送样品资料', '确认发票信息', '邀请参加客户答谢会', '提交实施方案初稿'],
  en: ['Send the formal quote', 'Prepare a discount proposal for approval', 'Set up a technical deep-dive', 'Chase the signed contract', 'Customer satisfaction check-in', 'Prepare renewal options', 'Send product brochure', 'Confirm invoicing details', 'Invite to the customer dinner', 'Draft the rollout plan'],
};

export const fill = (template: string, values: Record<string, string | number>): string => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
