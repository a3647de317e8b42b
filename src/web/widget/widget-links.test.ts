// The widget's links: http(s) addresses in a message become links (sentence punctuation and Chinese text around them
// left out), nothing else does.
import { describe, expect, it } from 'vitest';
import { linkParts } from './widget-links.js';

describe('links in chat messages', () => {
  it('links the survey address in an English and a Chinese message', () => {
    expect(linkParts('Your request (ticket #1001) has been solved. Please rate our help: https://crm.example.com/s/abc.def-1?x=1.')).toEqual([
      { text: 'Your request (ticket #1001) has been solved. Please rate our help: ' },
      { text: 'https://crm.example.com/s/abc.def-1?x=1', href: 'https://crm.example.com/s/abc.def-1?x=1' },
      { text: '.' },
    ]);
    expect(linkParts('请为本次服务打分：http://127.0.0.1:3000/s/tok，谢谢')).toEqual([
      { text: '请为本次服务打分：' },
      { text: 'http://127.0.0.1:3000/s/tok', href: 'http://127.0.0.1:3000/s/tok' },
      { text: '，谢谢' },
    ]);
  });

  it('leaves other schemes and broken addresses as text', () => {
    for (const text of ['javascript:alert(1)', 'see data:text/html,<b>x</b>', 'ftp://files.example.com/a', 'http://', 'plain words only']) {
      expect(linkParts(text).some((p) => p.href), text).toBe(false);
      expect(linkParts(text).map((p) => p.text).join('')).toBe(text);
    }
    expect(linkParts('two: https://a.example/x and (https://b.example/y)').filter((p) => p.href).map((p) => p.href)).toEqual(['https://a.example/x', 'https://b.example/y']);
  });
});
