// The knowledge ranker on its own: English stems, Chinese words and bigrams, BM25 order, coverage and best passages.
import { describe, expect, it } from 'vitest';
import { Bm25Index, bestPassage } from './ranker.js';
import { documentTerms, queryTerms, stem } from './text-terms.js';

describe('terms', () => {
  it('stems English and drops question words', () => {
    expect(['refunds', 'refunded', 'refunding', 'shipping', 'shipped', 'policies', 'boxes', 'pass'].map(stem)).toEqual(['refund', 'refund', 'refund', 'ship', 'ship', 'policy', 'box', 'pass']);
    expect(queryTerms('How do I get a refund for my order?')).toEqual(['refund', 'order']);
  });

  it('cuts Chinese questions into words, drops question words and glued pronouns, and bigrams documents', () => {
    expect(queryTerms('你好，我想申请退款吗？')).toEqual(['申请', '退款']);
    expect(queryTerms('怎么修改收货地址')).toEqual(['修改', '收货', '地址']);
    expect(documentTerms('退款政策')).toEqual(['退', '退款', '款', '款政', '政', '政策', '策']);
  });
});

describe('BM25 ranking', () => {
  const index = new Bm25Index([
    { id: 'refund', title: 'Refund policy', text: 'Ask for a refund within 7 days.', language: 'en' },
    { id: 'password', title: 'Passwords', text: 'Reset your password from Settings.', language: 'en' },
    { id: 'tuikuan', title: '退款政策', text: '收到货 7 天内可以申请退款。', language: 'zh-CN' },
    { id: 'address', title: '修改收货地址', text: '发货前可以在订单页面修改收货地址。', language: 'zh-CN' },
  ]);

  it('puts the article with the question’s rare terms first and reports coverage', () => {
    expect(index.rank('I need a refund please')[0]).toMatchObject({ id: 'refund', coverage: 1 });
    expect(index.rank('我要申请退款')[0]).toMatchObject({ id: 'tuikuan', coverage: 1 });
    expect(index.rank('收货地址怎么改')[0]!.id).toBe('address');
    expect(index.rank('refund to Mars')[0]).toMatchObject({ id: 'refund', coverage: 0.5 });
    expect(index.rank('火星')).toEqual([]);
  });

  it('prefers the asker’s language when both match', () => {
    const both = new Bm25Index([
      { id: 'en', title: 'VIP 7', text: 'VIP 7 days', language: 'en' },
      { id: 'zh', title: 'VIP 7', text: 'VIP 7 days', language: 'zh-CN' },
    ]);
    expect(both.rank('vip', { language: 'zh-CN' }).map((r) => r.id)).toEqual(['zh', 'en']);
    expect(both.rank('vip', { language: 'en' }).map((r) => r.id)).toEqual(['en', 'zh']);
  });
});

describe('best passage', () => {
  it('picks the paragraph with most of the question’s terms and cuts long ones at a sentence', () => {
    const text = 'Welcome to our shop.\nRefunds go back to your card within 5 working days, once the parcel reaches us and has been checked by our team.\nWe ship worldwide.';
    // Under 120 characters, the next paragraph comes along.
    expect(bestPassage(text, 'when does the refund reach my card')).toBe('Refunds go back to your card within 5 working days, once the parcel reaches us and has been checked by our team.\nWe ship worldwide.');
    expect(bestPassage('第一句很长。'.repeat(30), '第一句', 40)).toBe('第一句很长。'.repeat(6));
  });
});
