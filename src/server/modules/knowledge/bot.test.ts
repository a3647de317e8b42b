// Suggestions and the knowledge bot on a real database: ranking in English and Chinese over published articles only,
// the confidence threshold and handover, and written answers from a fake OpenAI-compatible endpoint started here,
// reached through the outbound guard (127.0.0.1 allowed for this app, 127.0.0.2 not).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { answerFromKnowledge, suggestArticles } from './index.js';

let t: TestApp;
const API = '/api/v1/knowledge';
const seen: { path: string; auth: string | undefined; body: any }[] = [];
let reply: (body: any) => [number, unknown] = () => [200, {}];
let llm: http.Server;
let blocked: http.Server;
let llmUrl: string;
let blockedUrl: string;
let blockedHits = 0;

function listen(server: http.Server, host: string): Promise<string> {
  return new Promise((resolve) => server.listen(0, host, () => resolve(`http://${host}:${(server.address() as AddressInfo).port}`)));
}

async function article(title: string, body: string, language: 'en' | 'zh-CN', publish = true) {
  const a = (await t.json('POST', `${API}/articles`, t.admin, { title, body, language })).body;
  if (publish) expect((await t.json('POST', `${API}/articles/${a.id}/publish`, t.admin, {})).status).toBe(200);
  return a;
}

beforeAll(async () => {
  t = await startTestApp({ outboundAllow: '127.0.0.1' });
  llm = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = JSON.parse(raw);
      seen.push({ path: req.url!, auth: req.headers.authorization, body });
      const [status, out] = reply(body);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(out));
    });
  });
  blocked = http.createServer((_req, res) => {
    blockedHits++;
    res.end('{}');
  });
  llmUrl = await listen(llm, '127.0.0.1');
  blockedUrl = await listen(blocked, '127.0.0.2');
  await article('Refund policy', 'You can ask for a refund within 7 days of delivery.\n\nRefunds go back to the card you paid with within 5 working days.', 'en');
  await article('Resetting your password', 'Open Settings, choose Security and press Reset password. We email you a link.', 'en');
  await article('退款政策', '收到货 7 天内可以申请退款。\n\n退款会在 5 个工作日内退回原支付账户。', 'zh-CN');
  await article('会员积分', '每消费 1 元累计 1 积分，积分可以抵扣运费。', 'zh-CN');
  await article('Secret launch plan', 'The refund of the launch plan is secret.', 'en', false);
});
afterAll(async () => {
  llm.close();
  blocked.close();
  await t.close();
});

describe('article suggestions', () => {
  it('ranks published articles for a customer message in English and Chinese, drafts never', async () => {
    const en = (await t.json('GET', `${API}/suggestions?text=${encodeURIComponent('Hi, I want a refund for my order')}`, t.admin)).body.data;
    expect(en[0]).toMatchObject({ title: 'Refund policy', language: 'en', url: '/help/refund-policy' });
    expect(en[0].excerpt).toContain('refund');
    expect(JSON.stringify(en)).not.toContain('Secret launch plan');
    const zh = (await t.json('GET', `${API}/suggestions?text=${encodeURIComponent('你好，我想申请退款')}&language=zh-CN`, t.admin)).body.data;
    expect(zh[0]).toMatchObject({ title: '退款政策', language: 'zh-CN', coverage: 1 });
    expect(zh.map((s: { title: string }) => s.title)).not.toContain('会员积分');
    expect((await t.json('GET', `${API}/suggestions?text=${encodeURIComponent('积分怎么用')}`, t.admin)).body.data[0].title).toBe('会员积分');
    // The exported function answers the same, for the inbox and the widget.
    expect((await suggestArticles(t.app.db, { text: '申请退款', language: 'zh-CN', limit: 1 })).map((s) => s.title)).toEqual(['退款政策']);
  });
});

describe('the knowledge bot, offline', () => {
  it('answers from the best passage when confident and hands over when not', async () => {
    const refund = (await t.json('POST', `${API}/answer`, t.admin, { question: 'How do I get a refund?', language: 'en' })).body;
    expect(refund).toMatchObject({ handover: false, source: 'articles', confidence: 1 });
    expect(refund.answer).toContain('refund within 7 days');
    expect(refund.articles[0].title).toBe('Refund policy');
    const mars = (await t.json('POST', `${API}/answer`, t.admin, { question: 'Do you deliver to Mars?', language: 'en' })).body;
    expect(mars).toMatchObject({ answer: null, handover: true, source: null });
    expect(mars.confidence).toBeLessThan(0.5);

    const zh = await answerFromKnowledge(t.app.db, { question: '怎么申请退款？', language: 'zh-CN' });
    expect(zh).toMatchObject({ handover: false, source: 'articles' });
    expect(zh.answer).toContain('申请退款');
    expect((await answerFromKnowledge(t.app.db, { question: '你们支持火星配送吗？', language: 'zh-CN' })).handover).toBe(true);
  });

  it('holds answers to the threshold set by an admin', async () => {
    const q = { question: 'refund for a broken phone', language: 'en' };
    const before = (await t.json('POST', `${API}/answer`, t.admin, q)).body;
    expect(before.confidence).toBeGreaterThan(0);
    expect(before.confidence).toBeLessThan(1);
    for (const threshold of [before.confidence, Math.min(1, before.confidence + 0.01)]) {
      expect((await t.json('PUT', `${API}/bot-settings`, t.admin, { threshold })).body.threshold).toBe(threshold);
      const res = (await t.json('POST', `${API}/answer`, t.admin, q)).body;
      expect(res.handover).toBe(threshold > before.confidence);
      expect(res.answer === null).toBe(res.handover);
    }
    await t.json('PUT', `${API}/bot-settings`, t.admin, { threshold: 0.5 });
  });
});

describe('the knowledge bot with a model endpoint', () => {
  it('sends only the retrieved articles to the model and returns its answer; NO_ANSWER hands over', async () => {
    const saved = await t.json('PUT', `${API}/bot-settings`, t.admin, { llmEnabled: true, llmUrl, llmModel: 'tiny-model', llmApiKey: 'sk-test-123' });
    expect(saved.body).toEqual({ threshold: 0.5, llmEnabled: true, llmUrl, llmModel: 'tiny-model', hasApiKey: true });
    const stored = await t.app.db.kysely.selectFrom('settings').select('value').where('key', '=', 'knowledge.bot').executeTakeFirstOrThrow();
    expect(stored.value).not.toContain('sk-test-123');

    reply = () => [200, { choices: [{ message: { role: 'assistant', content: 'Ask within 7 days of delivery; the money returns to your card in 5 working days.' } }] }];
    const res = (await t.json('POST', `${API}/answer`, t.admin, { question: 'How do I get a refund?', language: 'en' })).body;
    expect(res).toMatchObject({ answer: 'Ask within 7 days of delivery; the money returns to your card in 5 working days.', source: 'llm', handover: false });
    const call = seen.at(-1)!;
    expect(call).toMatchObject({ path: '/v1/chat/completions', auth: 'Bearer sk-test-123' });
    expect(call.body.model).toBe('tiny-model');
    expect(call.body.messages[0].content).toContain('ONLY the help articles');
    expect(call.body.messages[1].content).toContain('Refunds go back to the card you paid with');
    expect(call.body.messages[1].content).not.toContain('Secret launch plan');

    reply = () => [200, { choices: [{ message: { content: 'NO_ANSWER' } }] }];
    expect((await t.json('POST', `${API}/answer`, t.admin, { question: 'How do I get a refund?', language: 'en' })).body).toMatchObject({ answer: null, handover: true });

    // Below the threshold the model is not asked at all.
    const calls = seen.length;
    expect((await t.json('POST', `${API}/answer`, t.admin, { question: 'Do you deliver to Mars?', language: 'en' })).body.handover).toBe(true);
    expect(seen.length).toBe(calls);
  });

  it('falls back to the articles when the endpoint fails or the guard refuses it', async () => {
    reply = () => [500, { error: 'overloaded' }];
    const failed = (await t.json('POST', `${API}/answer`, t.admin, { question: '怎么申请退款', language: 'zh-CN' })).body;
    expect(failed).toMatchObject({ source: 'articles', handover: false });
    expect(failed.answer).toContain('申请退款');

    await t.json('PUT', `${API}/bot-settings`, t.admin, { llmUrl: blockedUrl });
    const refused = (await t.json('POST', `${API}/answer`, t.admin, { question: 'How do I get a refund?', language: 'en' })).body;
    expect(refused.source).toBe('articles');
    expect(blockedHits).toBe(0); // 127.0.0.2 is not allowed: the guard stopped the call before connecting

    const bad = await t.json('PUT', `${API}/bot-settings`, t.admin, { llmUrl: 'ftp://example.com' });
    expect(bad.status).toBe(422);
    expect((await t.json('PUT', `${API}/bot-settings`, t.admin, { llmEnabled: false, llmApiKey: null })).body).toMatchObject({ llmEnabled: false, hasApiKey: false });
  });
});
