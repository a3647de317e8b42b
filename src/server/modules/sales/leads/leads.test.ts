// Leads over HTTP: inbound capture with an API key (UTM, matching a known contact), the list and its filters,
// record-level visibility for sales reps, behaviour, and conversion into a deal keeping the history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';

process.env.RAPPORT_OUTBOX_LAG_MS = '0';

let t: TestApp;
let key: Record<string, string>;
const u: Record<string, { id: string; h: Record<string, string> }> = {};

async function user(k: string, role: string, teamId: string | null) {
  const id = (await t.json('POST', '/api/v1/users', t.admin, { email: `${k}@example.com`, name: k, password: 'password-123', role, teamId })).body.id;
  u[k] = { id, h: await t.login(`${k}@example.com`, 'password-123') };
}

beforeAll(async () => {
  t = await startTestApp();
  const team = (await t.json('POST', '/api/v1/teams', t.admin, { name: 'Inside' })).body;
  const other = (await t.json('POST', '/api/v1/teams', t.admin, { name: 'Field' })).body;
  await user('amy', 'sales', team.id);
  await user('bob', 'sales', team.id);
  await user('cat', 'sales', other.id);
  const k = await t.json('POST', '/api/v1/api-keys', t.admin, { name: 'web form', scopes: ['sales:write', 'sales:read'] });
  expect(k.status).toBe(201);
  key = { authorization: `Bearer ${k.body.key}` };
});
afterAll(() => t.close());

describe('leads', () => {
  it('captures a form submission through an API key, with UTM data, and matches a known contact by phone', async () => {
    const form = { name: '林小姐', email: 'Lin@Example.cn', phone: '13800138000', company: '林氏贸易', title: '市场总监', message: '想了解报价', source: 'website', formName: 'contact-us', utmSource: 'baidu', utmMedium: 'cpc', utmCampaign: 'spring-2026', utmTerm: 'crm', utmContent: 'ad-1' };
    const res = await t.json('POST', '/api/v1/leads', key, form);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ created: true, matchedBy: null });
    expect(res.body.lead).toMatchObject({ displayName: '林小姐', email: 'lin@example.cn', phone: '+8613800138000', companyName: '林氏贸易', lifecycleStage: 'lead', status: 'new', source: 'website', formName: 'contact-us', message: '想了解报价', utm: { source: 'baidu', medium: 'cpc', campaign: 'spring-2026', term: 'crm', content: 'ad-1' }, ownerId: null, assignment: { status: 'pending' } });
    // The same person again, by phone: matched, no second contact, the details follow the latest form.
    const again = await t.json('POST', '/api/v1/leads', key, { name: 'Lin', phone: '138 0013 8000', utmCampaign: 'autumn', formName: 'webinar' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, matchedBy: 'phone' });
    expect(again.body.lead).toMatchObject({ contactId: res.body.lead.contactId, displayName: '林小姐', formName: 'webinar', utm: { campaign: 'autumn' } });
    const contacts = (await t.json('GET', '/api/v1/contacts?q=林小姐', t.admin)).body.data;
    expect(contacts).toHaveLength(1);
    const detail = (await t.json('GET', `/api/v1/leads/${res.body.lead.contactId}`, t.admin)).body;
    expect(detail.activity.filter((a: any) => a.kind === 'form_submitted')).toHaveLength(2);
    // A key without the sales scope, and bad input, get clear problems.
    const crmKey = (await t.json('POST', '/api/v1/api-keys', t.admin, { name: 'crm', scopes: ['customers:write'] })).body.key;
    const denied = await t.json('POST', '/api/v1/leads', { authorization: `Bearer ${crmKey}` }, form);
    expect(denied.status).toBe(403);
    expect(denied.body.detail).toBe('This API key lacks the scope "sales:write"');
    const bad = await t.json('POST', '/api/v1/leads', key, { name: '', email: 'not-an-email' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: any) => e.path).sort()).toEqual(['email', 'name']);
    expect((await t.json('POST', '/api/v1/leads', key, { name: 'Bad phone', phone: '12' })).status).toBe(422);
  });

  it('lists leads with filters, my leads, score ranges and keyset pages; reps see only their own and their team\'s', async () => {
    const mk = async (name: string, ownerId: string | null, source: string) => {
      const c = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: name, ownerId, source })).body;
      return c.id as string;
    };
    await mk('Amy lead 1', u.amy!.id, 'fair');
    await mk('Amy lead 2', u.amy!.id, 'fair');
    const b1 = await mk('Bob lead', u.bob!.id, 'referral');
    const c1 = await mk('Cat lead', u.cat!.id, 'fair');
    await t.app.worker.drain();
    await t.json('POST', '/api/v1/lead-scoring/rules', t.admin, { kind: 'attribute', name: 'Fair', field: 'source', operator: 'equals', value: 'fair', points: 12 });
    await t.app.worker.drain();

    const mine = (await t.json('GET', '/api/v1/leads?owner=me', u.amy!.h)).body.data;
    expect(mine.map((l: any) => l.displayName).sort()).toEqual(['Amy lead 1', 'Amy lead 2']);
    const amySees = (await t.json('GET', '/api/v1/leads', u.amy!.h)).body.data.map((l: any) => l.displayName).sort();
    expect(amySees).toEqual(['Amy lead 1', 'Amy lead 2', 'Bob lead']); // own team, not Cat's, not unassigned
    expect((await t.json('GET', `/api/v1/leads/${c1}`, u.amy!.h)).status).toBe(404);
    expect((await t.json('GET', `/api/v1/leads/${b1}`, u.amy!.h)).status).toBe(200);
    expect((await t.json('POST', `/api/v1/leads/${c1}/activity`, u.amy!.h, { kind: 'page_visited' })).status).toBe(404);

    const fair = (await t.json('GET', '/api/v1/leads?source=fair&minScore=10&sort=-score', t.admin)).body.data;
    expect(fair.map((l: any) => l.score)).toEqual([12, 12, 12]);
    const low = (await t.json('GET', '/api/v1/leads?maxScore=5', t.admin)).body.data.map((l: any) => l.displayName);
    expect(low).toContain('Bob lead');
    expect(low).not.toContain('Amy lead 1');
    const p1 = (await t.json('GET', '/api/v1/leads?sort=-score&limit=2', t.admin)).body;
    const p2 = (await t.json('GET', `/api/v1/leads?sort=-score&limit=2&cursor=${p1.nextCursor}`, t.admin)).body;
    const all = (await t.json('GET', '/api/v1/leads?sort=-score&limit=500', t.admin)).body.data;
    expect([...p1.data, ...p2.data].map((l: any) => l.contactId)).toEqual(all.slice(0, 4).map((l: any) => l.contactId));
    expect((await t.json('GET', '/api/v1/leads?status=new', t.admin)).body.data.length).toBeGreaterThanOrEqual(4);
    expect((await t.json('GET', '/api/v1/leads?sort=name', t.admin)).status).toBe(422);
    expect((await t.json('GET', '/api/v1/leads?cursor=garbage', t.admin)).status).toBe(422);
  });

  it('converts a lead into a deal with its company and contact, keeping its history', async () => {
    const lead = (await t.json('POST', '/api/v1/leads', key, { name: '周先生', email: 'zhou@example.cn' })).body.lead;
    await t.json('PATCH', `/api/v1/contacts/${lead.contactId}`, t.admin, { ownerId: u.amy!.id });
    await t.json('POST', '/api/v1/interactions', u.amy!.h, { type: 'call', contactId: lead.contactId, direction: 'outbound', body: '确认需求' });
    await t.app.worker.drain();
    expect((await t.json('GET', `/api/v1/leads/${lead.contactId}`, u.amy!.h)).body.status).toBe('working');
    // Cat (another team) cannot convert it; Amy can.
    expect((await t.json('POST', `/api/v1/leads/${lead.contactId}/convert`, u.cat!.h, {})).status).toBe(404);
    const refused = await t.json('POST', `/api/v1/leads/${lead.contactId}/convert`, u.amy!.h, { deal: { name: 'x', pipelineId: 'no-such-pipeline' } });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].path).toBe('pipelineId');
    expect((await t.json('GET', `/api/v1/leads/${lead.contactId}`, u.amy!.h)).body).toMatchObject({ status: 'working', lifecycleStage: 'lead' });
    const res = await t.json('POST', `/api/v1/leads/${lead.contactId}/convert`, u.amy!.h, { companyName: '周氏科技', deal: { name: '周氏科技 — CRM', amount: 1_200_000, currency: 'CNY' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dealCreated: true, lead: { status: 'converted', lifecycleStage: 'opportunity', companyName: '周氏科技' } });
    expect(res.body.dealId).toBe(res.body.lead.dealId);
    const deal = (await t.json('GET', `/api/v1/deals/${res.body.dealId}`, u.amy!.h)).body;
    expect(deal).toMatchObject({ name: '周氏科技 — CRM', amount: 1_200_000, companyId: res.body.lead.companyId, ownerId: u.amy!.id });
    expect(JSON.stringify(deal)).toContain(lead.contactId);
    // History stays on the contact: the call, the form submission.
    const timeline = (await t.json('GET', `/api/v1/interactions?contactId=${lead.contactId}`, u.amy!.h)).body.data;
    expect(timeline.map((i: any) => i.body)).toContain('确认需求');
    const detail = (await t.json('GET', `/api/v1/leads/${lead.contactId}`, u.amy!.h)).body;
    expect(detail.activity.map((a: any) => a.kind)).toEqual(expect.arrayContaining(['form_submitted', 'call_logged']));
    expect((await t.json('POST', `/api/v1/leads/${lead.contactId}/convert`, u.amy!.h, {})).status).toBe(409);
    // A lead can be disqualified with a reason (and then not converted), or reopened.
    const dq = (await t.json('POST', '/api/v1/leads', key, { name: '郑先生', email: 'zheng@example.cn' })).body.lead;
    expect((await t.json('PATCH', `/api/v1/leads/${dq.contactId}`, t.admin, { status: 'disqualified' })).body.errors[0].path).toBe('reason');
    expect((await t.json('PATCH', `/api/v1/leads/${dq.contactId}`, t.admin, { status: 'disqualified', reason: '学生，无预算' })).body.status).toBe('disqualified');
    expect((await t.json('POST', `/api/v1/leads/${dq.contactId}/convert`, t.admin, {})).status).toBe(409);
    expect((await t.json('GET', '/api/v1/leads?status=disqualified', t.admin)).body.data.map((l: any) => l.contactId)).toEqual([dq.contactId]);
    expect((await t.json('PATCH', `/api/v1/leads/${lead.contactId}`, t.admin, { status: 'new' })).status).toBe(409);
    // Converting without a deal only qualifies.
    const plain = (await t.json('POST', '/api/v1/leads', key, { name: '吴女士', email: 'wu@example.cn' })).body.lead;
    const q = await t.json('POST', `/api/v1/leads/${plain.contactId}/convert`, t.admin, {});
    expect(q.body).toMatchObject({ dealId: null, dealCreated: false, lead: { status: 'converted', lifecycleStage: 'qualified' } });
    const audit = (await t.json('GET', `/api/v1/audit?entity=lead&entityId=${plain.contactId}`, t.admin)).body.data;
    expect(audit.map((e: any) => [e.action, e.after?.status])).toEqual([
      ['update', 'converted'],
      ['create', 'new'],
    ]);
  });

  it('follows contact merges (behaviour moves to the survivor, undo moves it back) and erasure', async () => {
    const a = (await t.json('POST', '/api/v1/leads', key, { name: '合并甲', email: 'merge-a@example.cn', utmCampaign: 'a' })).body.lead;
    const b = (await t.json('POST', '/api/v1/leads', key, { name: '合并乙', email: 'merge-b@example.cn', utmCampaign: 'b' })).body.lead;
    await t.json('POST', `/api/v1/leads/${b.contactId}/activity`, t.admin, { kind: 'page_visited', detail: { url: '/pricing' } });
    await t.app.worker.drain();
    const merge = await t.json('POST', '/api/v1/contacts/merge', t.admin, { survivorId: a.contactId, mergedIds: [b.contactId] });
    expect(merge.status).toBe(201);
    await t.app.worker.drain();
    const merged = (await t.json('GET', `/api/v1/leads/${a.contactId}`, t.admin)).body;
    expect(merged.utm.campaign).toBe('a');
    expect(merged.activity.map((x: any) => x.kind).sort()).toEqual(['form_submitted', 'form_submitted', 'page_visited']);
    expect((await t.json('POST', `/api/v1/merges/${merge.body.id}/undo`, t.admin)).status).toBe(200);
    await t.app.worker.drain();
    expect((await t.json('GET', `/api/v1/leads/${a.contactId}`, t.admin)).body.activity).toHaveLength(1);
    expect((await t.json('GET', `/api/v1/leads/${b.contactId}`, t.admin)).body.activity).toHaveLength(2);
    const exported = (await t.json('GET', `/api/v1/contacts/${b.contactId}/data-export`, t.admin)).body;
    expect(JSON.stringify(exported)).toContain('/pricing');
    const erased = await t.json('POST', `/api/v1/contacts/${b.contactId}/erase`, t.admin, { confirm: 'ERASE' });
    expect(erased.status).toBe(200);
    expect(erased.body.relatedRecordsErased['sales.leads']).toBeGreaterThanOrEqual(3);
    expect((await t.json('GET', `/api/v1/leads/${b.contactId}`, t.admin)).status).toBe(404);
  });

  it('opens, scores and lists the leads a contact import created', async () => {
    const csv = ['姓名,邮箱,职位,来源', '导入甲,imp1@example.cn,采购经理,fair', '导入乙,imp2@example.cn,工程师,fair'].join('\r\n');
    const up = await t.app.inject({ method: 'POST', url: '/api/v1/imports?object=contacts&fileName=leads.csv', headers: { ...t.admin, 'content-type': 'text/csv' }, payload: Buffer.from(csv) });
    expect(up.statusCode).toBe(201);
    expect((await t.json('POST', `/api/v1/imports/${up.json().id}/start`, t.admin, {})).status).toBe(202);
    await t.app.worker.drain();
    const leads = (await t.json('GET', `/api/v1/leads?q=${encodeURIComponent('导入')}`, t.admin)).body.data;
    expect(leads.map((l: any) => l.displayName).sort()).toEqual(['导入乙', '导入甲']);
    expect(leads.every((l: any) => l.status === 'new' && l.assignment.status === 'kept' && l.score === 12)).toBe(true); // the "Fair" rule
    const jobs = (await t.json('GET', '/api/v1/jobs?type=leads.open-imported', t.admin)).body.data;
    expect(jobs[0]).toMatchObject({ status: 'done', result: { opened: 2 } });
  });
});
