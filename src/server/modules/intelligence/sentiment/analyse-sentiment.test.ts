// Hand-made cases for the analyser: negation, degree and contrast in Chinese and English, mixed text, emotions, cues.
import { describe, expect, it } from 'vitest';
import { analyseSentiment } from './analyse-sentiment.js';
import { scoreRules } from './rule-scorer.js';
import { tokenize } from './segmenter.js';

const rules = (text: string) => scoreRules(tokenize(text));
const net = (text: string) => {
  const r = rules(text);
  return r.pos - r.neg;
};

describe('negation', () => {
  it('flips Chinese sentiment words after 不/没/并不', () => {
    expect(net('满意')).toBeGreaterThan(0);
    expect(net('不满意')).toBeLessThan(0);
    expect(net('服务并不好')).toBeLessThan(0);
    expect(net('没有问题')).toBeGreaterThan(0);
    expect(analyseSentiment('这次的服务我不满意').sentiment).toBe('negative');
    expect(analyseSentiment('质量没问题，很满意').sentiment).toBe('positive');
  });
  it('flips English sentiment words after not/never/no', () => {
    expect(net('helpful')).toBeGreaterThan(0);
    expect(net('not helpful')).toBeLessThan(0);
    expect(net('never good')).toBeLessThan(0);
    expect(net("it's not bad at all")).toBeGreaterThan(0);
    expect(analyseSentiment('The agent was not helpful and never called back.').sentiment).toBe('negative');
    expect(analyseSentiment("Honestly, not bad at all. I'd buy it again.").sentiment).toBe('positive');
  });
});

describe('degree', () => {
  it('makes 非常/太 stronger and 有点 weaker', () => {
    expect(net('非常满意')).toBeGreaterThan(net('满意'));
    expect(net('太慢')).toBeLessThan(net('有点慢'));
    expect(net('有点慢')).toBeLessThan(0);
    expect(net('有点慢')).toBeGreaterThan(net('慢'));
  });
  it('makes very stronger and slightly weaker', () => {
    expect(net('very slow')).toBeLessThan(net('slow'));
    expect(net('slightly slow')).toBeGreaterThan(net('slow'));
    expect(net('very good')).toBeGreaterThan(net('good'));
  });
});

describe('contrast', () => {
  it('weighs the clause after 但是/不过 more', () => {
    expect(net('东西不错，但是物流太慢了')).toBeLessThan(0);
    expect(net('物流有点慢，不过东西很好')).toBeGreaterThan(0);
    expect(analyseSentiment('包装很漂亮，但是用了两天就坏了，太失望了').sentiment).toBe('negative');
    expect(analyseSentiment('虽然等了很久，但是味道非常好').sentiment).toBe('positive');
  });
  it('weighs the clause after but/however more', () => {
    expect(net('the screen is nice but the battery is terrible')).toBeLessThan(0);
    expect(net('delivery was slow, however the product is excellent')).toBeGreaterThan(0);
    expect(analyseSentiment('Looks great but it broke after two days.').sentiment).toBe('negative');
  });
});

describe('the whole analysis', () => {
  it('names the emotion: anger, disappointment, anxiety, joy, gratitude', () => {
    expect(analyseSentiment('太过分了！等了三天没人理，我要投诉！！').emotion).toBe('anger');
    expect(analyseSentiment('This is unacceptable, worst service ever. I want a refund NOW!').emotion).toBe('anger');
    expect(analyseSentiment('有点失望，和描述的不一样').emotion).toBe('disappointment');
    expect(analyseSentiment('I am so disappointed with this phone, expected much better.').emotion).toBe('disappointment');
    expect(analyseSentiment('我的订单还没到，很着急，怎么办？').emotion).toBe('anxiety');
    expect(analyseSentiment('非常感谢你们的耐心帮助！').emotion).toBe('gratitude');
    expect(analyseSentiment('Thank you so much for the quick help, really appreciate it!').emotion).toBe('gratitude');
    expect(analyseSentiment('超级开心，宝贝太棒了，爱了爱了').emotion).toBe('joy');
  });
  it('reads mixed Chinese and English, and gives cues and a score in range', () => {
    const r = analyseSentiment('客服 response 太慢了, very disappointed');
    expect(r).toMatchObject({ sentiment: 'negative', language: 'mixed' });
    expect(r.score).toBeLessThan(0);
    expect(r.score).toBeGreaterThanOrEqual(-1);
    expect(r.cues.join(' ')).toMatch(/太慢|disappointed/);
    expect(analyseSentiment('The product is great, 非常满意!').sentiment).toBe('positive');
  });
  it('leaves a plain question neutral', () => {
    expect(analyseSentiment('What are your opening hours?').sentiment).toBe('neutral');
    expect(analyseSentiment('请问你们周末营业吗').sentiment).toBe('neutral');
    expect(analyseSentiment('').sentiment).toBe('neutral');
  });
});
