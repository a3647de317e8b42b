// Sentiment for segments and the inbox list on both engines: segment fields (latest sentiment, average, negative
// count and the latest emotion within a window) count the right contacts and follow a newer message; the inbox list's
// badge is each conversation's latest customer message, angry when it is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { appendMessage } from '../../service/index.js';

let t: TestApp;
const ids: Record<'angry' | 'happy' | 'silent', string> = { angry: '', happy: '', silent: '' };
const conv: Record<'angry' | 'happy', string> = { angry: '', happy: '' };

const rule = (field: string, operator: string, value?: unknown) => ({ field, operator, ...(value !== undefined && { value }) });
async function count(field: string, operator: string, value?: unknown): Promise<number> {
  const res = await t.json('POST', '/api/v1/segments/preview-count', t.admin, { rules: { combinator: 'and', children: [rule(field, operator, value)] } });
  expect(res.status).toBe(200);
  return res.body.total;
}
async function say(who: 'angry' | 'happy', text: string) {
  const r = await appendMessage(t.app.db, { channelKind: 'chat', contactId: ids[who] }, { direction: 'in', authorKind: 'contact', bodyText: text });
  conv[who] = r.conversation.id;
  await new Promise((res) => setTimeout(res, 15));
}

beforeAll(async () => {
  t = await startTestApp();
  for (const k of Object.keys(ids) as (keyof typeof ids)[]) ids[k] = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: `Mood ${k}` })).body.id;
  await say('angry', '你们的服务太差了，等了三天没人理，我非常生气，要投诉！');
  await say('happy', 'Thank you so much, the new plan works perfectly and your team was wonderful!');
});
afterAll(() => t?.close());

describe('sentiment in segments', () => {
  it('counts contacts by latest sentiment, average, negative messages and latest emotion', async () => {
    expect(await count('sentiment.latest', 'is', 'negative')).toBe(1);
    expect(await count('sentiment.latest', 'is', 'positive')).toBe(1);
    expect(await count('sentiment.latest', 'is_empty')).toBe(1);
    expect(await count('sentiment.lastEmotion.7d', 'is', 'anger')).toBe(1);
    expect(await count('sentiment.average.30d', 'lt', 0)).toBe(1);
    expect(await count('sentiment.average.30d', 'gt', 0)).toBe(1);
    expect(await count('sentiment.negative.30d', 'eq', 0)).toBe(2);
    const fields = await t.json('GET', '/api/v1/segments/fields', t.admin);
    expect(fields.body.data.filter((f: { group: string }) => f.group === 'sentiment').length).toBe(10);
  });

  it('follows a newer message: the latest sentiment and emotion change, the negative count stays', async () => {
    await say('angry', 'Thanks, it is fixed now and I am very happy with the help.');
    expect(await count('sentiment.latest', 'is', 'negative')).toBe(0);
    expect(await count('sentiment.lastEmotion.7d', 'is', 'anger')).toBe(0);
    expect(await count('sentiment.negative.30d', 'gte', 1)).toBe(1);
  });
});

describe('the inbox list badge', () => {
  it("gives each conversation's latest customer message with its sentiment", async () => {
    const other = await appendMessage(t.app.db, { channelKind: 'chat', contactId: ids.silent }, { direction: 'in', authorKind: 'contact', bodyText: '太气人了！！你们到底管不管？我非常愤怒！' });
    const res = await t.json('GET', `/api/v1/sentiment/conversations?ids=${conv.happy},${other.conversation.id},nope`, t.admin);
    expect(res.status).toBe(200);
    const by = new Map(res.body.data.map((s: { conversationId: string }) => [s.conversationId, s]));
    expect(by.size).toBe(2);
    expect(by.get(conv.happy)).toMatchObject({ sentiment: 'positive', kind: 'message' });
    expect(by.get(other.conversation.id)).toMatchObject({ sentiment: 'negative', emotion: 'anger', itemId: other.message.id });
  });
});
