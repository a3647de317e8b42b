// Lead assignment over HTTP: territory rules, round-robin, least-loaded, explanations, the re-assignment timer and
// the manager's notification.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';

process.env.RAPPORT_OUTBOX_LAG_MS = '0';

let t: TestApp;
const ids: Record<string, string> = {};
const headers: Record<string, Record<string, string>> = {};

async function user(key: string, name: string, role: string, teamId: string | null) {
  const res = await t.json('POST', '/api/v1/users', t.admin, { email: `${key}@example.com`, name, password: 'password-123', role, teamId });
  expect(res.status).toBe(201);
  ids[key] = res.body.id;
  headers[key] = await t.login(`${key}@example.com`, 'password-123');
}

const capture = (body: object) => t.json('POST', '/api/v1/leads', t.admin, body);
const lead = async (contactId: string) => (await t.json('GET', `/api/v1/leads/${contactId}`, t.admin)).body;

beforeAll(async () => {
  t = await startTestApp();
  const east = (await t.json('POST', '/api/v1/teams', t.admin, { name: 'East' })).body;
  const north = (await t.json('POST', '/api/v1/teams', t.admin, { name: 'North' })).body;
  ids.east = east.id;
  ids.north = north.id;
  await user('zhao', '赵经理', 'manager', east.id);
  await t.json('PATCH', `/api/v1/teams/${east.id}`, t.admin, { managerId: ids.zhao });
  await user('wang', '王芳', 'sales', east.id);
  await user('li', '李雷', 'sales', east.id);
  await user('chen', '陈静', 'sales', north.id);
  await user('sun', '孙强', 'sales', north.id);
});
afterAll(() => t.close());

describe('lead assignment', () => {
  it('validates rules: a team strategy needs a team, a user rule an active user', async () => {
    const noTeam = await t.json('POST', '/api/v1/lead-assignment/rules', t.admin, { name: 'x', strategy: 'round_robin' });
    expect(noTeam.status).toBe(422);
    expect(noTeam.body.errors[0].path).toBe('teamId');
    expect((await t.json('POST', '/api/v1/lead-assignment/rules', t.admin, { name: 'x', strategy: 'user', userId: 'nobody' })).status).toBe(422);
    expect((await t.json('POST', '/api/v1/lead-assignment/rules', headers.wang!, { name: 'x', strategy: 'user', userId: ids.wang })).status).toBe(403);
  });

  it('keeps the conditions of a rule when a change leaves them out', async () => {
    const rule = (await t.json('POST', '/api/v1/lead-assignment/rules', t.admin, { name: 'Keep me', conditions: { regions: ['广东'] }, strategy: 'user', userId: ids.wang, active: false })).body;
    const patched = await t.json('PATCH', `/api/v1/lead-assignment/rules/${rule.id}`, t.admin, { name: 'Kept' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Kept', conditions: { regions: ['广东'] } });
    await t.json('DELETE', `/api/v1/lead-assignment/rules/${rule.id}`, t.admin);
  });

  it('leaves a lead unassigned and says why when no rule matches, then retries when the rules change', async () => {
    const c = (await capture({ name: 'Nobody Fits', email: 'fit@example.com', region: 'Mars' })).body.lead;
    await t.app.worker.drain();
    expect((await lead(c.contactId)).assignment).toMatchObject({
      status: 'unmatched',
      explanation: 'No assignment rule matched (region is Mars, source is web form).',
      steps: [{ kind: 'noRuleMatched', params: { facts: [{ field: 'region', value: 'Mars' }, { field: 'source', value: 'web_form' }] } }],
    });

    const rule = await t.json('POST', '/api/v1/lead-assignment/rules', t.admin, { name: 'East China', conditions: { regions: ['上海', '江苏', '浙江'] }, teamId: ids.east, strategy: 'round_robin' });
    expect(rule.status).toBe(201);
    expect(rule.body).toMatchObject({ position: 0, teamName: 'East' });
    ids.eastRule = rule.body.id;
    await t.app.worker.drain();
    expect((await lead(c.contactId)).assignment.status).toBe('unmatched'); // retried, still no rule for Mars
  });

  it('routes by territory and shares round-robin within the team, explaining each assignment', async () => {
    await t.json('POST', '/api/v1/lead-assignment/rules', t.admin, { name: 'North by size', conditions: { regions: ['北京'], companySizes: ['1000+'] }, teamId: ids.north, strategy: 'least_loaded' });
    const a = (await capture({ name: '周一', email: 'a@sh.cn', region: '上海' })).body.lead;
    const b = (await capture({ name: '周二', email: 'b@sh.cn', region: '江苏' })).body.lead;
    const c = (await capture({ name: '周三', email: 'c@sh.cn', region: '浙江' })).body.lead;
    await t.app.worker.drain();
    const got = await Promise.all([a, b, c].map((x) => lead(x.contactId)));
    const owners = got.map((l) => l.ownerName);
    expect(new Set(owners)).toEqual(new Set(['王芳', '李雷'])); // the manager is not a rep
    expect(owners[0]).not.toBe(owners[1]);
    expect(owners[2]).toBe(owners[0]);
    // Steps with a kind and params, each one sentence: which rule and why it matched, then how the rep was picked.
    expect(got[0].assignment).toMatchObject({ status: 'assigned', ruleId: ids.eastRule, explanation: `Matched rule “East China” (region is 上海). Round-robin among team “East”: ${owners[0]} was next.` });
    expect(got[0].assignment.steps).toEqual([
      { kind: 'ruleMatched', params: { rule: 'East China', matched: [{ field: 'region', value: '上海' }] } },
      { kind: 'roundRobin', params: { team: 'East', name: owners[0] } },
    ]);
    expect(got[0].assignment.explanation).not.toMatch(/→|roundRobin|ruleMatched/);
    expect(got[0].teamId).toBe(ids.east);
    // A contact created in the lead stage without an owner (not through capture) is assigned the same way.
    const plain = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: '周四', ownerId: null, address: { region: '上海' } })).body;
    await t.app.worker.drain();
    expect((await lead(plain.id)).assignment).toMatchObject({ status: 'assigned', explanation: expect.stringMatching(/^Matched rule “East China” \(region is 上海\)\. Round-robin among team “East”: (王芳|李雷) was next\.$/) });
    // the rep is told
    const notes = (await t.json('GET', '/api/v1/notifications', headers[owners[0] === '王芳' ? 'wang' : 'li']!)).body;
    const note = notes.data.find((n: any) => n.kind === 'lead.assigned' && n.entityId === a.contactId);
    expect(note).toMatchObject({ title: 'New lead: 周一', params: { name: '周一', steps: got[0].assignment.steps } });
  });

  it('gives the least-loaded rep the lead, by company size and region', async () => {
    // 陈静 already holds two open leads; 孙强 none
    for (const n of ['甲', '乙']) {
      const c = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: `北方${n}`, ownerId: ids.chen })).body;
      expect(c.ownerId).toBe(ids.chen);
    }
    await t.app.worker.drain();
    const big = (await capture({ name: '大客户', email: 'big@bj.cn', region: '北京', company: '北京重工', companySize: '1000+' })).body.lead;
    await t.app.worker.drain();
    const l = await lead(big.contactId);
    expect(l.ownerName).toBe('孙强');
    expect(l.assignment.explanation).toBe('Matched rule “North by size” (region is 北京, company size is 1000+). Fewest open leads among team “North”: 孙强 (0 open).');
    expect(l.assignment.steps).toEqual([
      { kind: 'ruleMatched', params: { rule: 'North by size', matched: [{ field: 'region', value: '北京' }, { field: 'companySize', value: '1000+' }] } },
      { kind: 'leastLoaded', params: { team: 'North', name: '孙强', open: 0 } },
    ]);
    const small = (await capture({ name: '小客户', email: 'small@bj.cn', region: '北京', company: '北京小店', companySize: '1-10' })).body.lead;
    await t.app.worker.drain();
    expect((await lead(small.contactId)).assignment).toMatchObject({ status: 'unmatched', explanation: 'No assignment rule matched (region is 北京, company size is 1-10, source is web form).', steps: [{ kind: 'noRuleMatched', params: { facts: [{ field: 'region', value: '北京' }, { field: 'companySize', value: '1-10' }, { field: 'source', value: 'web_form' }] } }] });
  });

  it('re-assigns a lead its owner did not touch in time and alerts the team manager', async () => {
    const put = await t.json('PUT', '/api/v1/lead-assignment/settings', t.admin, { reassignAfterHours: 2 });
    expect(put.body).toEqual({ reassignAfterHours: 2 });
    expect((await t.json('PUT', '/api/v1/lead-assignment/settings', t.admin, { reassignAfterHours: -1 })).status).toBe(422);
    const stale = (await capture({ name: '沉睡', email: 'stale@sh.cn', region: '上海' })).body.lead;
    const worked = (await capture({ name: '跟进', email: 'worked@sh.cn', region: '上海' })).body.lead;
    await t.app.worker.drain();
    const before = await lead(stale.contactId);
    const workedBefore = await lead(worked.contactId);
    // The owner of the second lead calls it: touched, so it stays.
    const workedOwnerKey = workedBefore.ownerId === ids.wang ? 'wang' : 'li';
    expect((await t.json('POST', '/api/v1/interactions', headers[workedOwnerKey]!, { type: 'call', contactId: worked.contactId, direction: 'outbound' })).status).toBe(201);
    await t.app.worker.drain();
    expect((await lead(worked.contactId)).status).toBe('working');
    // Three hours pass.
    const threeHoursAgo = new Date(Date.now() - 3 * 3600_000).toISOString();
    await t.app.db.kysely.updateTable('leadDetails').set({ assignedAt: threeHoursAgo }).where('contactId', 'in', [stale.contactId, worked.contactId]).execute();
    await t.app.worker.drain();
    const after = await lead(stale.contactId);
    expect(after.ownerId).not.toBe(before.ownerId);
    expect([ids.wang, ids.li]).toContain(after.ownerId);
    expect(after.assignment.reassignCount).toBe(1);
    expect(after.assignment.explanation).toBe(`${before.ownerName} did not work on the lead within 2 hours, so it was re-assigned. Matched rule “East China” (region is 上海). ${before.ownerName} had the lead already, skipped. Round-robin among team “East”: ${after.ownerName} was next.`);
    expect((await lead(worked.contactId)).ownerId).toBe(workedBefore.ownerId);
    // The manager is alerted, unread first; marking it read moves it down.
    const inbox = (await t.json('GET', '/api/v1/notifications', headers.zhao!)).body;
    expect(inbox.unread).toBe(1);
    expect(inbox.data[0]).toMatchObject({ kind: 'lead.reassigned', title: `Lead 沉睡 re-assigned from ${before.ownerName} to ${after.ownerName}`, entityId: stale.contactId, read: false });
    expect(inbox.data[0].params).toEqual({ name: '沉睡', from: before.ownerName, to: after.ownerName, steps: after.assignment.steps });
    expect(after.assignment.steps).toEqual([
      { kind: 'untouched', params: { from: before.ownerName, hours: 2, reassigned: true } },
      { kind: 'ruleMatched', params: { rule: 'East China', matched: [{ field: 'region', value: '上海' }] } },
      { kind: 'skipped', params: { name: before.ownerName, cause: 'previousOwner' } },
      { kind: 'roundRobin', params: { team: 'East', name: after.ownerName } },
    ]);
    const read = await t.json('POST', `/api/v1/notifications/${inbox.data[0].id}/read`, headers.zhao!);
    expect(read.body.read).toBe(true);
    expect((await t.json('GET', '/api/v1/notifications', headers.zhao!)).body.unread).toBe(0);
    // Nobody else can read or mark it.
    expect((await t.json('POST', `/api/v1/notifications/${inbox.data[0].id}/read`, headers.wang!)).status).toBe(404);
    // Not again before another period passes.
    await t.app.worker.drain();
    expect((await lead(stale.contactId)).assignment.reassignCount).toBe(1);
  });

  it('says a named rep was skipped when deactivated, and the lead stays unassigned', async () => {
    await user('gone', '钱离职', 'sales', null);
    const rule = await t.json('POST', '/api/v1/lead-assignment/rules', t.admin, { name: 'Tibet', conditions: { regions: ['西藏'] }, strategy: 'user', userId: ids.gone });
    expect(rule.status).toBe(201);
    expect((await t.json('PATCH', `/api/v1/users/${ids.gone}`, t.admin, { active: false })).status).toBe(200);
    const c = (await capture({ name: '高原', email: 'tibet@example.cn', region: '西藏' })).body.lead;
    await t.app.worker.drain();
    expect((await lead(c.contactId)).assignment).toMatchObject({
      status: 'unmatched',
      explanation: 'Matched rule “Tibet” (region is 西藏). 钱离职 is deactivated, skipped. Nobody was available, so the lead stays unassigned.',
      steps: [
        { kind: 'ruleMatched', params: { rule: 'Tibet', matched: [{ field: 'region', value: '西藏' }] } },
        { kind: 'skipped', params: { name: '钱离职', cause: 'inactive' } },
        { kind: 'noRep', params: { team: null } },
      ],
    });
  });

  it('reads steps stored before they had a kind and params as today\'s steps, and keeps older English-only rows', async () => {
    const c = (await capture({ name: '旧记录', email: 'legacy@example.cn', region: 'Atlantis' })).body.lead;
    await t.app.worker.drain();
    const legacy = [{ k: 'reassigned', from: '王芳', hours: 4 }, { k: 'rule', name: 'East China' }, { k: 'team', name: 'East' }, { k: 'roundRobin' }, { k: 'rep', name: '李雷' }];
    const english = 'rule East China → team East → round-robin → 李雷';
    await t.app.db.kysely.updateTable('leadDetails').set({ assignmentSteps: JSON.stringify(legacy), assignmentExplanation: english }).where('contactId', '=', c.contactId).execute();
    expect((await lead(c.contactId)).assignment).toMatchObject({
      explanation: english,
      steps: [
        { kind: 'untouched', params: { from: '王芳', hours: 4, reassigned: true } },
        { kind: 'ruleMatched', params: { rule: 'East China', matched: null } },
        { kind: 'roundRobin', params: { team: 'East', name: '李雷' } },
      ],
    });
    await t.app.db.kysely.updateTable('leadDetails').set({ assignmentSteps: JSON.stringify([{ k: 'rule', name: 'North' }, { k: 'team', name: 'North' }, { k: 'leastLoaded', open: 3 }, { k: 'rep', name: '孙强' }]) }).where('contactId', '=', c.contactId).execute();
    expect((await lead(c.contactId)).assignment.steps[1]).toEqual({ kind: 'leastLoaded', params: { team: 'North', name: '孙强', open: 3 } });
    // Rows from before steps were stored at all: no steps, the English line is what there is.
    await t.app.db.kysely.updateTable('leadDetails').set({ assignmentSteps: null }).where('contactId', '=', c.contactId).execute();
    expect((await lead(c.contactId)).assignment).toMatchObject({ explanation: english, steps: null });
  });

  it('reorders every rule at once, and refuses an order that leaves a rule out', async () => {
    const rules = (await t.json('GET', '/api/v1/lead-assignment/rules', t.admin)).body.data as { id: string; name: string }[];
    expect(rules.length).toBeGreaterThanOrEqual(2);
    const reversed = rules.map((r) => r.id).reverse();
    const put = await t.json('PUT', '/api/v1/lead-assignment/rules/order', t.admin, { ids: reversed });
    expect(put.status).toBe(200);
    expect(put.body.data.map((r: any) => [r.id, r.position])).toEqual(reversed.map((id, i) => [id, i]));
    expect((await t.json('GET', '/api/v1/lead-assignment/rules', t.admin)).body.data.map((r: any) => r.id)).toEqual(reversed);
    const partial = await t.json('PUT', '/api/v1/lead-assignment/rules/order', t.admin, { ids: reversed.slice(1) });
    expect(partial.status).toBe(422);
    expect(partial.body.errors[0].message).toContain(`missing: ${rules.at(-1)!.name}`);
    expect((await t.json('PUT', '/api/v1/lead-assignment/rules/order', t.admin, { ids: [...reversed, 'nope'] })).status).toBe(422);
    expect((await t.json('PUT', '/api/v1/lead-assignment/rules/order', t.admin, { ids: [reversed[0], ...reversed] })).status).toBe(422);
    expect((await t.json('PUT', '/api/v1/lead-assignment/rules/order', headers.wang!, { ids: reversed })).status).toBe(403);
    // Unchanged by the refused requests.
    expect((await t.json('GET', '/api/v1/lead-assignment/rules', t.admin)).body.data.map((r: any) => r.id)).toEqual(reversed);
  });
});
