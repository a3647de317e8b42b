// The importable fields of a contact, with the header names that suggest them (English, 中文, HubSpot, Salesforce, Twenty).
import { lifecycleStages } from '../../../customers/index.js';
import type { ImportField } from '../import-target.js';

export const addressFields: ImportField[] = [
  { key: 'address.street', label: 'Street', type: 'text', max: 200, aliases: ['street', 'street address', 'address', 'address line 1', 'mailing street', 'billing street', 'address street1', '地址', '街道', '详细地址', '通讯地址'] },
  { key: 'address.city', label: 'City', type: 'text', max: 100, aliases: ['city', 'town', 'mailing city', 'billing city', 'address city', '城市', '市'] },
  { key: 'address.region', label: 'State / province', type: 'text', max: 100, aliases: ['state', 'region', 'province', 'state/region', 'state region', 'mailing state', 'mailing state/province', 'billing state', 'address state', '省', '省份', '地区', '州'] },
  { key: 'address.postalCode', label: 'Postal code', type: 'text', max: 20, aliases: ['zip', 'zip code', 'postal code', 'postcode', 'postal', 'mailing zip', 'mailing zip/postal code', 'mailing postal code', 'billing postal code', 'billing zip/postal code', 'zip/postal code', 'address post code', '邮编', '邮政编码'] },
  { key: 'address.country', label: 'Country', type: 'text', max: 100, aliases: ['country', 'country/region', 'mailing country', 'billing country', 'address country', '国家', '国家/地区'] },
];

const stageAliases: Record<string, string> = {
  订阅者: 'subscriber', 线索: 'lead', 潜在客户: 'lead', 合格线索: 'qualified', marketingqualifiedlead: 'qualified', 'marketing qualified lead': 'qualified',
  salesqualifiedlead: 'qualified', 'sales qualified lead': 'qualified', mql: 'qualified', sql: 'qualified', 商机: 'opportunity', 机会: 'opportunity',
  客户: 'customer', 成交客户: 'customer', evangelist: 'customer', 流失: 'churned', 已流失: 'churned', other: 'lead',
};

export const contactFields: ImportField[] = [
  { key: 'displayName', label: 'Name', type: 'text', max: 200, aliases: ['name', 'full name', 'fullname', 'contact name', 'contact', 'display name', '姓名', '名字', '联系人', '联系人姓名', '客户姓名'] },
  { key: 'givenName', label: 'First name', type: 'text', max: 100, aliases: ['first name', 'firstname', 'given name', 'forename', 'name first name', 'name / first name', '名'] },
  { key: 'familyName', label: 'Last name', type: 'text', max: 100, aliases: ['last name', 'lastname', 'surname', 'family name', 'name last name', 'name / last name', '姓'] },
  { key: 'title', label: 'Job title', type: 'text', max: 200, aliases: ['title', 'job title', 'jobtitle', 'position', 'role', '职位', '职务', '头衔', '岗位'] },
  { key: 'company', label: 'Company', type: 'text', max: 200, aliases: ['company', 'company name', 'account name', 'account', 'organization', 'organisation', 'employer', 'associated company', '公司', '公司名称', '单位', '工作单位', '企业', '企业名称', '所属公司'] },
  { key: 'emails', label: 'Email', type: 'email', multiple: true, aliases: ['email', 'email address', 'e-mail', 'e-mail address', 'emails', 'primary email', 'work email', 'personal email', 'other email', 'secondary email', 'additional email addresses', 'email 2', 'emails primary email', 'emails / primary email', '邮箱', '电子邮箱', '电子邮件', '邮件', '邮箱地址', 'email地址'] },
  { key: 'phones', label: 'Phone', type: 'phone', multiple: true, keepRaw: 'rawPhones', aliases: ['phone', 'phone number', 'mobile', 'mobile phone', 'mobile phone number', 'mobile number', 'cell', 'cell phone', 'telephone', 'tel', 'work phone', 'home phone', 'business phone', 'other phone', 'phones primary phone number', 'phones / primary phone number', '手机', '手机号', '手机号码', '电话', '电话号码', '联系电话', '联系方式', '座机', '移动电话', '办公电话'] },
  { key: 'externalId', label: 'External id', type: 'text', max: 200, aliases: ['external id', 'externalid', 'record id', 'contact id', 'id', 'crm id', '外部编号', '客户编号', '编号'] },
  ...addressFields,
  { key: 'birthday', label: 'Birthday', type: 'date', aliases: ['birthday', 'birthdate', 'birth date', 'date of birth', 'dob', '生日', '出生日期'] },
  { key: 'source', label: 'Source', type: 'text', max: 100, aliases: ['source', 'lead source', 'original source', 'contact source', 'latest source', '来源', '客户来源', '线索来源', '渠道'] },
  { key: 'sourceCreatedAt', label: 'Created in source', type: 'datetime', aliases: ['create date', 'created date', 'createddate', 'created', 'created at', 'created on', 'date created', 'creation date', 'created time', '创建时间', '创建日期', '录入时间', '建档时间'] },
  { key: 'owner', label: 'Owner (user email or name)', type: 'text', max: 200, aliases: ['owner', 'contact owner', 'record owner', 'owner id', 'owner email', 'owner name', 'owner full name', 'lead owner', 'account owner', '负责人', '所属销售', '销售负责人', '客户负责人', '归属人', '跟进人', '所有者'] },
  { key: 'lifecycleStage', label: 'Lifecycle stage', type: 'select', options: lifecycleStages, optionAliases: stageAliases, aliases: ['lifecycle stage', 'lifecycle', 'stage', 'lead status', '生命周期', '生命周期阶段', '阶段', '客户阶段'] },
  { key: 'tags', label: 'Tags', type: 'list', max: 50, aliases: ['tags', 'tag', 'labels', 'label', '标签'] },
  { key: 'consent.email', label: 'Email consent', type: 'boolean', aliases: ['email consent', 'email opt in', 'email opt-in', 'marketing email consent', 'accepts email', '邮件订阅', '允许邮件', '同意邮件'] },
  // An opt-out column withdraws email consent (the email consent field with value false); it never grants it.
  { key: 'consent.emailOptOut', label: 'Email opt-out', type: 'boolean', aliases: ['email opt out', 'email opt-out', 'hasoptedoutofemail', 'has opted out of email', 'opted out of email', 'unsubscribed', 'unsubscribed from all email', 'do not email', 'donotemail', '退订', '已退订', '退订邮件', '拒收邮件', '拒收'] },
  { key: 'consent.sms', label: 'SMS consent', type: 'boolean', aliases: ['sms consent', 'sms opt in', 'sms opt-in', 'text opt in', '短信订阅', '允许短信', '同意短信'] },
  { key: 'consent.phone', label: 'Phone consent', type: 'boolean', aliases: ['phone consent', 'call opt in', 'phone opt in', '允许电话', '同意电话'] },
];
