// The public help centre without login: only published articles (their published version), everything escaped,
// English and Chinese with a language switch, and its own search in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
const API = '/api/v1/knowledge';
let refundEn: any;

async function page(url: string, headers: Record<string, string> = {}) {
  const res = await t.app.inject({ method: 'GET', url, headers });
  return { status: res.statusCode, html: res.body, type: String(res.headers['content-type']), csp: String(res.headers['content-security-policy']) };
}

async function article(input: Record<string, unknown>, publish = true) {
  const a = (await t.json('POST', `${API}/articles`, t.admin, input)).body;
  if (publish) expect((await t.json('POST', `${API}/articles/${a.id}/publish`, t.admin, {})).status).toBe(200);
  return a;
}

beforeAll(async () => {
  t = await startTestApp();
  const cat = (await t.json('POST', `${API}/categories`, t.admin, { nameEn: 'Billing', nameZh: '账单' })).body;
  refundEn = await article({ title: 'Refund policy', body: 'Ask for a **refund** within 7 days.', language: 'en', categoryId: cat.id });
  await article({ title: '退款政策', body: '收到货 7 天内可以申请**退款**。', language: 'zh-CN', translationOf: refundEn.id });
  await article({ title: 'Draft: price rise', body: 'Prices go up next month.', language: 'en', slug: 'price-rise' }, false);
  await article({
    title: '<script>alert("t")</script> Tips',
    body: 'Hello <img src=x onerror=alert(1)> and [click](javascript:alert(2)) and <b>bold</b>\n\n[ok](https://example.com/a)',
    language: 'en',
    slug: 'tips',
  });
});
afterAll(() => t.close());

describe('the help centre', () => {
  it('lists published articles by category without a login, in the visitor’s language', async () => {
    const en = await page('/help');
    expect(en.status).toBe(200);
    expect(en.type).toContain('text/html');
    expect(en.csp).toContain("script-src 'self'");
    expect(en.html).toContain('<html lang="en">');
    expect(en.html).toContain('<h2>Billing</h2>');
    expect(en.html).toContain('href="/help/refund-policy?lang=en"');
    expect(en.html).not.toContain('退款政策');
    expect(en.html).not.toContain('price rise');

    const zh = await page('/help', { 'accept-language': 'zh-CN,zh;q=0.9' });
    expect(zh.html).toContain('<html lang="zh-CN">');
    expect(zh.html).toContain('帮助中心');
    expect(zh.html).toContain('<h2>账单</h2>');
    expect(zh.html).toContain('退款政策');
    expect((await page('/help?lang=en', { 'accept-language': 'zh-CN' })).html).toContain('<html lang="en">');
  });

  it('shows a published article with a switch to its translation; drafts and unknown slugs are 404', async () => {
    const a = await page('/help/refund-policy');
    expect(a.status).toBe(200);
    expect(a.html).toContain('<strong>refund</strong>');
    expect(a.html).toContain('href="/help/tui-kuan-zheng-ce?lang=zh-CN"');
    const zh = await page('/help/tui-kuan-zheng-ce');
    expect(zh.html).toContain('<h1>退款政策</h1>');
    expect(zh.html).toContain('账单');
    expect((await page('/help/price-rise')).status).toBe(404);
    expect((await page('/help/no-such-article')).html).toContain('This article does not exist or is no longer published.');
  });

  it('shows the published version until the next publish, and nothing once unpublished', async () => {
    await t.json('PATCH', `${API}/articles/${refundEn.id}`, t.admin, { title: 'Refunds (new draft)', body: 'Unreleased text.' });
    const before = await page('/help/refund-policy');
    expect(before.html).toContain('Ask for a');
    expect(before.html).not.toContain('Unreleased text');
    expect((await page('/help?q=Unreleased')).html).not.toContain('refund-policy');
    await t.json('POST', `${API}/articles/${refundEn.id}/publish`, t.admin, {});
    expect((await page('/help/refund-policy')).html).toContain('Unreleased text.');
    await t.json('POST', `${API}/articles/${refundEn.id}/unpublish`, t.admin, {});
    expect((await page('/help/refund-policy')).status).toBe(404);
    expect((await page('/help')).html).not.toContain('refund-policy');
    await t.json('POST', `${API}/articles/${refundEn.id}/versions/1/restore`, t.admin, {});
    await t.json('POST', `${API}/articles/${refundEn.id}/publish`, t.admin, {});
  });

  it('escapes titles, typed HTML and script links', async () => {
    const { html } = await page('/help/tips');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; Tips');
    expect(html).not.toMatch(/<img[^>]*onerror/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('href="javascript:');
    expect(html).not.toContain('<b>bold</b>');
    expect(html).toContain('<a href="https://example.com/a" rel="nofollow noopener noreferrer">ok</a>');
    expect((await page('/help')).html).not.toContain('<script>');
  });

  it('searches published articles in English and Chinese, with related articles when nothing matches word for word', async () => {
    const zh = await page(`/help?lang=zh-CN&q=${encodeURIComponent('退款')}`);
    expect(zh.html).toContain('tui-kuan-zheng-ce');
    expect(zh.html).toContain('value="退款"');
    expect((await page('/help?q=refund')).html).toContain('/help/refund-policy?lang=en');
    expect((await page('/help?q=price')).html).toContain('Nothing matches your search.');
    const related = await page(`/help?q=${encodeURIComponent('how can I get my money refunded')}`);
    expect(related.html).toContain('These articles may still help');
    expect(related.html).toContain('/help/refund-policy');
    const hostile = await page(`/help?q=${encodeURIComponent('"><script>x</script>')}`);
    expect(hostile.status).toBe(200);
    expect(hostile.html).not.toContain('<script>x');
  });
});
