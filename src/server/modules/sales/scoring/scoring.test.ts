// Lead scoring over HTTP: admin rules, scores recomputed from events (form, activity, meeting, contact change, rule
// change), decay against hand-computed values, and the score with its rules in the 360° view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';

process.env.RAPPORT_OUTBOX_LAG_MS = '0';

let t: TestApp;
const rules: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const rule = async (body: object) => {
  const res = await t.json('POST', '/api/v1/lead-scoring/rules', t.admin, body);
  expect(res.status).toBe(201);
  return res.body.id as string;
};
const scoring = async (contactId: string) => (await t.json('GET', `/api/v1/leads/${contactId}`, t.admin)).body.scoring;
const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();

describe('lead scoring', () => {
  it('validates rules with clear problems, and only admins change them', async () => {
    const bad = await t.json('POST', '/api/v1/lead-scoring/rules', t.admin, { kind: 'attribute', name: 'x', field: 'shoeSize', operator: 'equals', value: '42', points: 5 });
    expect(bad.status).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.errors[0].path).toBe('field');
    const inNeedsList = await t.json('POST', '/api/v1/lead-scoring/rules', t.admin, { kind: 'attribute', name: 'x', field: 'industry', operator: 'in', value: 'Retail', points: 5 });
    expect(inNeedsList.body.errors).toEqual([{ path: 'value', message: 'a list of values for "in"' }]);
    expect((await t.json('POST', '/api/v1/lead-scoring/rules', t.admin, { kind: 'behaviour', name: 'x', event: 'tweeted', points: 5 })).status).toBe(422);
    await t.json('POST', '/api/v1/users', t.admin, { email: 'rep@example.com', name: 'Rep', password: 'password-123', role: 'sales' });
    const rep = await t.login('rep@example.com', 'password-123');
    expect((await t.json('POST', '/api/v1/lead-scoring/rules', rep, { kind: 'behaviour', name: 'x', event: 'email_opened', points: 5 })).status).toBe(403);
    expect((await t.json('GET', '/api/v1/lead-scoring/rules', rep)).status).toBe(200);
  });

  it('scores a captured lead from its attributes and its form submission, and shows why in the 360° view', async () => {
    rules.manager = await rule({ kind: 'attribute', name: 'Manager title', field: 'title', operator: 'contains', value: '经理', points: 10 });
    rules.industry = await rule({ kind: 'attribute', name: 'Target industry', field: 'industry', operator: 'in', value: ['Manufacturing', '制造业'], points: 15 });
    rules.form = await rule({ kind: 'behaviour', name: 'Submitted a form', event: 'form_submitted', points: 8 });
    rules.email = await rule({ kind: 'behaviour', name: 'Opened an email', event: 'email_opened', points: 4, halfLifeDays: 10 });
    rules.meeting = await rule({ kind: 'behaviour', name: 'Held a meeting', event: 'meeting_held', points: 30, halfLifeDays: 30 });
    const lead = (await t.json('POST', '/api/v1/leads', t.admin, { name: '钱总', email: 'qian@factory.cn', title: '采购经理', company: '华东机械', industry: '制造业' })).body.lead;
    await t.app.worker.drain();
    const s = await scoring(lead.contactId);
    expect(s).toMatchObject({ value: 33, ruleScore: 33, predictive: null });
    expect(s.breakdown.map((l: any) => [l.name, l.points])).toEqual([
      ['Manager title', 10],
      ['Target industry', 15],
      ['Submitted a form', 8],
    ]);
    const overview = (await t.json('GET', `/api/v1/contacts/${lead.contactId}/overview`, t.admin)).body;
    expect(overview.scores).toContainEqual({ key: 'leadScore', label: 'Lead score (rules)', value: 33, max: 100 });
    const section = overview.sections.find((x: any) => x.key === 'leadScoring');
    expect(section.items.map((i: any) => i.ruleId)).toEqual([rules.manager, rules.industry, rules.form]);
    rules.contact = lead.contactId;
  });

  it('recomputes on behaviour, meetings and contact changes, with decay', async () => {
    const id = rules.contact!;
    // Two emails opened 0 and 20 days ago (half-life 10): 4 + 1 = 5.
    for (const d of [0, 20]) {
      const res = await t.json('POST', `/api/v1/leads/${id}/activity`, t.admin, { kind: 'email_opened', occurredAt: daysAgo(d), detail: { campaign: 'spring' } });
      expect(res.status).toBe(201);
    }
    await t.app.worker.drain();
    expect((await scoring(id)).value).toBeCloseTo(38, 1);
    // A meeting held 30 days ago (half-life 30): 30 × 0.5 = 15, recorded from the timeline's interaction.created.
    expect((await t.json('POST', '/api/v1/interactions', t.admin, { type: 'meeting', contactId: id, startsAt: daysAgo(30) })).status).toBe(201);
    await t.app.worker.drain();
    const s = await scoring(id);
    expect(s.value).toBeCloseTo(53, 1);
    expect(s.breakdown.find((l: any) => l.ruleId === rules.meeting)).toMatchObject({ count: 1, detail: '1 × meeting_held at 30, half-life 30 d' });
    expect(s.breakdown.find((l: any) => l.ruleId === rules.email).count).toBe(2);
    // The title changes: the attribute rule no longer applies.
    await t.json('PATCH', `/api/v1/contacts/${id}`, t.admin, { title: '工程师' });
    await t.app.worker.drain();
    expect((await scoring(id)).value).toBeCloseTo(43, 1);
    const detail = (await t.json('GET', `/api/v1/leads/${id}`, t.admin)).body;
    expect(detail.activity.map((a: any) => a.kind).sort()).toEqual(['email_opened', 'email_opened', 'form_submitted', 'meeting_held']);
  });

  it('recomputes every lead when a rule changes or goes', async () => {
    const id = rules.contact!;
    const patched = await t.json('PATCH', `/api/v1/lead-scoring/rules/${rules.form}`, t.admin, { points: 20 });
    expect(patched.body).toMatchObject({ points: 20, kind: 'behaviour', event: 'form_submitted' });
    expect((await t.json('PATCH', `/api/v1/lead-scoring/rules/${rules.form}`, t.admin, { operator: 'equals' })).status).toBe(422);
    await t.app.worker.drain();
    expect((await scoring(id)).value).toBeCloseTo(55, 1);
    expect((await t.json('DELETE', `/api/v1/lead-scoring/rules/${rules.meeting}`, t.admin)).status).toBe(204);
    await t.app.worker.drain();
    expect((await scoring(id)).value).toBeCloseTo(40, 1);
    const jobs = (await t.json('GET', '/api/v1/jobs?type=lead-scoring.recompute-all', t.admin)).body.data;
    expect(jobs.every((j: any) => j.status === 'done')).toBe(true);
    expect(jobs[0].result.recomputed).toBeGreaterThanOrEqual(1);
    expect((await t.json('DELETE', `/api/v1/lead-scoring/rules/${rules.meeting}`, t.admin)).status).toBe(404);
  });
});
