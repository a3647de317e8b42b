// Knowledge articles over HTTP on a real database: drafts, versions (view, restore, conflicting saves), publishing,
// translations, categories, search in English and Chinese through search_index, and who may edit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let support: Record<string, string>;
let sales: Record<string, string>;
const API = '/api/v1/knowledge';

async function user(role: string) {
  const email = `${role}-kb@example.com`;
  expect((await t.json('POST', '/api/v1/users', t.admin, { email, name: `${role} kb`, password: 'kb-password-12', role })).status).toBe(201);
  return t.login(email, 'kb-password-12');
}

beforeAll(async () => {
  t = await startTestApp();
  support = await user('support');
  sales = await user('sales');
});
afterAll(() => t.close());

describe('knowledge articles', () => {
  it('keeps every save as a version, shows and restores old ones, and refuses a save over a newer version', async () => {
    const created = await t.json('POST', `${API}/articles`, support, { title: 'Resetting your password', body: 'Open **Settings** and choose *Reset*.', language: 'en' });
    expect(created.status).toBe(201);
    const a = created.body;
    expect(a).toMatchObject({ slug: 'resetting-your-password', status: 'draft', version: 1, publishedVersion: null, hasUnpublishedChanges: false, translations: [] });
    expect(a.bodyHtml).toContain('<strong>Settings</strong>');

    const saved = await t.json('PATCH', `${API}/articles/${a.id}`, support, { body: 'Open Settings, then Security, and choose Reset.', expectedVersion: 1 });
    expect(saved.body).toMatchObject({ version: 2, body: 'Open Settings, then Security, and choose Reset.' });
    const stale = await t.json('PATCH', `${API}/articles/${a.id}`, t.admin, { title: 'Old tab', expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toBe('Someone saved this article since you opened it; reload to see their changes');
    // Saving the same text again makes no version.
    expect((await t.json('PATCH', `${API}/articles/${a.id}`, support, { body: 'Open Settings, then Security, and choose Reset.' })).body.version).toBe(2);

    const versions = (await t.json('GET', `${API}/articles/${a.id}/versions`, sales)).body.data;
    expect(versions.map((v: { version: number; current: boolean }) => [v.version, v.current])).toEqual([[2, true], [1, false]]);
    const v1 = (await t.json('GET', `${API}/articles/${a.id}/versions/1`, sales)).body;
    expect(v1).toMatchObject({ version: 1, body: 'Open **Settings** and choose *Reset*.', current: false });
    expect(v1.bodyHtml).toContain('<em>Reset</em>');
    expect((await t.json('GET', `${API}/articles/${a.id}/versions/9`, sales)).status).toBe(404);

    const restored = (await t.json('POST', `${API}/articles/${a.id}/versions/1/restore`, support, {})).body;
    expect(restored).toMatchObject({ version: 3, body: 'Open **Settings** and choose *Reset*.' });
    const after = (await t.json('GET', `${API}/articles/${a.id}/versions`, support)).body.data;
    expect(after[0]).toMatchObject({ version: 3, restoredFrom: 1, current: true });
    expect(after).toHaveLength(3);
  });

  it('publishes the latest version; later saves wait for the next publish; unpublish makes a draft again', async () => {
    const a = (await t.json('POST', `${API}/articles`, support, { title: 'Delivery times', body: 'Orders ship within 2 days.', language: 'en' })).body;
    const published = (await t.json('POST', `${API}/articles/${a.id}/publish`, support, {})).body;
    expect(published).toMatchObject({ status: 'published', publishedVersion: 1, hasUnpublishedChanges: false });
    expect(published.publishedAt).toBeTruthy();
    const edited = (await t.json('PATCH', `${API}/articles/${a.id}`, support, { body: 'Orders ship within 1 day.' })).body;
    expect(edited).toMatchObject({ status: 'published', version: 2, publishedVersion: 1, hasUnpublishedChanges: true });
    const versions = (await t.json('GET', `${API}/articles/${a.id}/versions`, support)).body.data;
    expect(versions.map((v: { published: boolean }) => v.published)).toEqual([false, true]);
    expect((await t.json('POST', `${API}/articles/${a.id}/publish`, support, {})).body).toMatchObject({ publishedVersion: 2, hasUnpublishedChanges: false });
    expect((await t.json('POST', `${API}/articles/${a.id}/unpublish`, support, {})).body).toMatchObject({ status: 'draft', publishedVersion: null });
    const empty = (await t.json('POST', `${API}/articles`, support, { title: 'Empty', language: 'en' })).body;
    const refused = await t.json('POST', `${API}/articles/${empty.id}/publish`, support, {});
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toBe('Write the article before publishing it');
  });

  it('links translations, puts articles in categories and filters the list by status, language and category', async () => {
    const cat = (await t.json('POST', `${API}/categories`, support, { nameEn: 'Billing', nameZh: '账单' })).body;
    expect(cat).toMatchObject({ nameEn: 'Billing', nameZh: '账单', articleCount: 0 });
    const en = (await t.json('POST', `${API}/articles`, support, { title: 'Refund policy', body: 'You can ask for a refund within 7 days.', language: 'en', categoryId: cat.id })).body;
    const zh = await t.json('POST', `${API}/articles`, support, { title: '退款政策', body: '收到货 7 天内可以申请退款。', language: 'zh-CN', translationOf: en.id });
    expect(zh.status).toBe(201);
    expect(zh.body).toMatchObject({ slug: 'tui-kuan-zheng-ce', groupId: en.id, categoryId: cat.id, translations: [{ id: en.id, language: 'en' }] });
    expect((await t.json('POST', `${API}/articles`, support, { title: 'Again', language: 'zh-CN', translationOf: en.id })).status).toBe(409);
    expect((await t.json('GET', `${API}/articles/${en.id}`, sales)).body.translations).toMatchObject([{ id: zh.body.id, language: 'zh-CN', title: '退款政策' }]);

    await t.json('POST', `${API}/articles/${zh.body.id}/publish`, support, {});
    const list = async (qs: string) => (await t.json('GET', `${API}/articles?${qs}`, sales)).body.data.map((x: { id: string }) => x.id);
    expect(await list(`categoryId=${cat.id}`)).toEqual([zh.body.id, en.id]);
    expect(await list(`categoryId=${cat.id}&status=published`)).toEqual([zh.body.id]);
    expect(await list(`categoryId=${cat.id}&language=en`)).toEqual([en.id]);
    expect((await t.json('GET', `${API}/categories`, sales)).body.data.find((c: { id: string }) => c.id === cat.id).articleCount).toBe(2);

    // Deleting the category keeps its articles.
    expect((await t.json('DELETE', `${API}/categories/${cat.id}`, support)).status).toBe(204);
    expect((await t.json('GET', `${API}/articles/${en.id}`, sales)).body.categoryId).toBeNull();
  });

  it('searches titles and bodies in Chinese and English, any part of a word, every word of the query', async () => {
    await t.json('POST', `${API}/articles`, support, { title: '会员积分规则', body: '每消费 1 元累计 1 积分，积分可以抵扣运费。', language: 'zh-CN' });
    await t.json('POST', `${API}/articles`, support, { title: 'Changing your shipping address', body: 'Before the parcel leaves, edit the address on the order page.', language: 'en' });
    const titles = async (q: string) => (await t.json('GET', `${API}/articles?q=${encodeURIComponent(q)}`, sales)).body.data.map((x: { title: string }) => x.title);
    expect(await titles('退款')).toEqual(['退款政策']);
    expect(await titles('退款政策')).toEqual(['退款政策']);
    expect(await titles('运费')).toEqual(['会员积分规则']); // a word of the body
    expect(await titles('积')).toEqual(['会员积分规则']); // one character
    expect(await titles('parcel address')).toEqual(['Changing your shipping address']);
    expect(await titles('ship')).toEqual(['Changing your shipping address', 'Delivery times']);
    expect(await titles('parcel refund')).toEqual([]);
  });

  it('lets support agents, managers and admins edit, and everyone else only read', async () => {
    const refused = await t.json('POST', `${API}/articles`, sales, { title: 'Nope', language: 'en' });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toBe('Only support agents, managers and administrators can do this');
    expect((await t.json('GET', `${API}/articles`, sales)).status).toBe(200);
    const bad = await t.json('POST', `${API}/articles`, support, { title: '', language: 'fr' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['language', 'title']);
    const a = (await t.json('POST', `${API}/articles`, support, { title: 'To delete', body: 'x', language: 'en', slug: 'to-delete' })).body;
    expect((await t.json('POST', `${API}/articles`, support, { title: 'Clash', language: 'en', slug: 'to-delete' })).status).toBe(409);
    expect((await t.json('DELETE', `${API}/articles/${a.id}`, support)).status).toBe(204);
    expect((await t.json('GET', `${API}/articles/${a.id}`, support)).status).toBe(404);
    expect((await t.json('GET', `${API}/articles?q=delete`, support)).body.data).toEqual([]);
  });
});
