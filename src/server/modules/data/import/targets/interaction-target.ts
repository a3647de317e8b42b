// The interactions import target: timeline entries hung on a contact (found by email, phone or external id) and/or a
// company (by name); the same entry imported again (same parent, type, time and subject) is not written twice.
import { newId, nowIso } from '../../../../core/ids.js';
import { bulkInsert, inChunks, type BulkColumn } from '../bulk-insert.js';
import { emptyResult, registerImportTarget, visibleToImporter, type ImportField, type ImportTarget } from '../import-target.js';
import { linkCompanies } from './company-linker.js';

const types = ['note', 'call', 'meeting', 'email', 'task'] as const;
const fields: ImportField[] = [
  { key: 'type', label: 'Type', type: 'select', options: types, optionAliases: { 备注: 'note', 笔记: 'note', 电话: 'call', 通话: 'call', 来电: 'call', 去电: 'call', 会议: 'meeting', 拜访: 'meeting', 面谈: 'meeting', 邮件: 'email', 任务: 'task', 待办: 'task', 'logged call': 'call', 'logged email': 'email' }, aliases: ['type', 'activity type', 'engagement type', '类型', '活动类型', '跟进方式'] },
  { key: 'subject', label: 'Subject', type: 'text', max: 500, aliases: ['subject', 'title', '主题', '标题'] },
  { key: 'body', label: 'Notes', type: 'text', max: 20000, aliases: ['body', 'notes', 'note', 'description', 'content', 'comments', '内容', '跟进内容', '备注内容', '详情', '记录'] },
  { key: 'occurredAt', label: 'When', type: 'datetime', aliases: ['date', 'occurred at', 'activity date', 'created date', 'timestamp', '日期', '时间', '跟进时间', '发生时间'] },
  { key: 'direction', label: 'Direction', type: 'select', options: ['inbound', 'outbound'], optionAliases: { in: 'inbound', out: 'outbound', incoming: 'inbound', outgoing: 'outbound', 呼入: 'inbound', 呼出: 'outbound', 来电: 'inbound', 去电: 'outbound', 收: 'inbound', 发: 'outbound' }, aliases: ['direction', 'call direction', '方向', '呼叫方向'] },
  { key: 'durationSeconds', label: 'Duration (seconds)', type: 'number', aliases: ['duration', 'duration seconds', 'call duration', '时长', '通话时长'] },
  { key: 'outcome', label: 'Outcome', type: 'text', max: 100, aliases: ['outcome', 'result', 'call outcome', '结果'] },
  { key: 'startsAt', label: 'Starts', type: 'datetime', aliases: ['start', 'starts at', 'start time', 'start date', '开始时间'] },
  { key: 'endsAt', label: 'Ends', type: 'datetime', aliases: ['end', 'ends at', 'end time', '结束时间'] },
  { key: 'dueAt', label: 'Due', type: 'datetime', aliases: ['due', 'due date', 'due at', '截止时间', '截止日期'] },
  { key: 'done', label: 'Done', type: 'boolean', aliases: ['done', 'completed', 'status completed', '完成', '已完成'] },
  { key: 'contactEmail', label: 'Contact email', type: 'email', aliases: ['email', 'contact email', 'email address', '邮箱', '联系人邮箱'] },
  { key: 'contactPhone', label: 'Contact phone', type: 'phone', aliases: ['phone', 'contact phone', 'mobile', '手机', '电话号码', '联系人手机'] },
  { key: 'contactExternalId', label: 'Contact external id', type: 'text', max: 200, aliases: ['contact id', 'record id', 'contact external id', '客户编号'] },
  { key: 'company', label: 'Company', type: 'text', max: 200, aliases: ['company', 'company name', 'account name', '公司', '公司名称'] },
];
const need: Record<string, string[]> = { call: ['direction'], email: ['direction'], meeting: ['startsAt'], task: ['dueAt'], note: ['body'] };

const text = (name: string): BulkColumn => ({ name, pg: 'text' });
const columns: BulkColumn[] = [...['id', 'type', 'contact_id', 'company_id', 'subject', 'body', 'occurred_at', 'direction'].map(text), { name: 'duration_seconds', pg: 'integer' }, ...['outcome', 'starts_at', 'ends_at', 'attendees', 'due_at', 'assignee_id'].map(text), { name: 'done', pg: 'integer' }, ...['created_by', 'team_id', 'created_at', 'updated_at'].map(text)];

export const interactionTarget: ImportTarget = {
  object: 'interactions',
  tables: ['interactions', 'contacts', 'companies'],
  label: 'Interactions',
  async fields() {
    return fields;
  },
  checkRow(v) {
    const out: { column: string; reason: string }[] = [];
    if (!v.type) return [{ column: 'type', reason: `the type is required: ${types.join(', ')}` }];
    for (const k of need[v.type as string]!) if (v[k] === undefined) out.push({ column: k, reason: `a ${v.type} needs ${k}` });
    if (!v.contactEmail && !v.contactPhone && !v.contactExternalId && !v.company) out.push({ column: 'contactEmail', reason: 'say whose it is: a contact email, phone or id, or a company' });
    return out;
  },
  async writeBatch(trx, ctx, rows) {
    const res = emptyResult();
    const contacts = new Map<string, { id: string; companyId: string | null }>();
    const lookups: [string, 'primaryEmail' | 'primaryPhone' | 'externalId', string[]][] = [
      ['e:', 'primaryEmail', rows.flatMap((r) => (r.values.contactEmail ? [r.values.contactEmail as string] : []))],
      ['p:', 'primaryPhone', rows.flatMap((r) => (r.values.contactPhone ? [r.values.contactPhone as string] : []))],
      ['x:', 'externalId', rows.flatMap((r) => (r.values.contactExternalId ? [r.values.contactExternalId as string] : []))],
    ];
    for (const [prefix, col, values] of lookups) {
      const found = await inChunks([...new Set(values)], (c) => trx.selectFrom('contacts').select(['id', 'companyId', 'ownerId', 'teamId', `${col} as key`]).where(col, 'in', c).orderBy('id').execute());
      for (const f of found) if (f.key && !contacts.has(prefix + f.key) && visibleToImporter(ctx.actor, f)) contacts.set(prefix + f.key, f);
    }
    const companyNames = rows.flatMap((r) => (r.values.company ? [r.values.company as string] : []));
    const companies = await linkCompanies(trx, ctx, companyNames);
    res.companiesCreated = companies.created;
    const now = nowIso();
    const out: unknown[][] = [];
    const seen = new Set<string>();
    for (const r of rows) {
      const v = r.values;
      const byKey = (prefix: string, value: unknown) => (value ? contacts.get(prefix + String(value)) : undefined);
      const contact = byKey('e:', v.contactEmail) ?? byKey('p:', v.contactPhone) ?? byKey('x:', v.contactExternalId) ?? null;
      if (!contact && !v.company) {
        res.errors.push({ rowNumber: r.rowNumber, column: 'contactEmail', value: String(v.contactEmail ?? v.contactPhone ?? v.contactExternalId ?? ''), reason: 'no contact you can see has this email, phone or id' });
        continue;
      }
      const companyId = v.company ? companies.ids.get(v.company as string)! : (contact?.companyId ?? null);
      const occurredAt = (v.occurredAt as string) ?? (v.startsAt as string) ?? now;
      const key = JSON.stringify([contact?.id ?? null, companyId, v.type, occurredAt, v.subject ?? null]);
      if (seen.has(key)) {
        res.duplicates++;
        continue;
      }
      seen.add(key);
      if (ctx.onMatch !== 'create') {
        let q = trx.selectFrom('interactions').select('id').where('type', '=', v.type as never).where('occurredAt', '=', occurredAt);
        q = contact ? q.where('contactId', '=', contact.id) : q.where('companyId', '=', companyId!);
        q = v.subject ? q.where('subject', '=', v.subject as string) : q.where('subject', 'is', null);
        if (await q.executeTakeFirst()) {
          res.skipped++;
          continue;
        }
      }
      const task = v.type === 'task';
      out.push([
        newId(), v.type, contact?.id ?? null, companyId, v.subject ?? null, v.body ?? null, occurredAt, v.direction ?? null, v.durationSeconds === undefined ? null : Math.round(v.durationSeconds as number),
        v.outcome ?? null, v.startsAt ?? null, v.endsAt ?? null, '[]', v.dueAt ?? null, task ? ctx.actor.id : null, v.done ? 1 : 0, ctx.actor.id, ctx.actor.teamId, now, now,
      ]);
    }
    await bulkInsert(trx, ctx.db.engine, 'interactions', columns, out);
    res.created = out.length;
    return res;
  },
};

registerImportTarget(interactionTarget);
