// The small HTML pages recipients see from campaign links (unsubscribe, a refused link), in the recipient's language:
// the campaign's, else what the browser asks for. Every value shown is escaped; nothing is taken from the URL.
import type { FastifyRequest } from 'fastify';

export type PageLanguage = 'en' | 'zh-CN';

const words = {
  en: {
    unsubscribeTitle: 'Unsubscribe',
    unsubscribeAsk: (email: string) => `Stop campaign e-mails to ${email}?`,
    unsubscribeButton: 'Unsubscribe',
    unsubscribedTitle: 'You are unsubscribed',
    unsubscribedText: (email: string) => `We will not send campaign e-mails to ${email} any more.`,
    invalidTitle: 'This link is not valid',
    invalidText: 'The link may have been changed or copied incompletely. Nothing was done.',
    busyTitle: 'Too many requests',
    busyText: 'Please try again in a minute.',
  },
  'zh-CN': {
    unsubscribeTitle: '退订',
    unsubscribeAsk: (email: string) => `不再向 ${email} 发送营销邮件？`,
    unsubscribeButton: '退订',
    unsubscribedTitle: '您已退订',
    unsubscribedText: (email: string) => `我们将不再向 ${email} 发送营销邮件。`,
    invalidTitle: '此链接无效',
    invalidText: '链接可能被修改或复制不完整。未执行任何操作。',
    busyTitle: '请求过于频繁',
    busyText: '请一分钟后再试。',
  },
};

export const pageWords = (lang: PageLanguage) => words[lang];

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The browser's language when the campaign's is unknown (a refused link). */
export const browserLanguage = (req: FastifyRequest): PageLanguage => (/^\s*zh/i.test(String(req.headers['accept-language'] ?? '')) ? 'zh-CN' : 'en');

/** Masks an address for display (a forwarded e-mail should not show the whole address to whoever opens it). */
export const maskEmail = (email: string | null) => {
  if (!email) return '';
  const [user, domain] = email.split('@');
  return `${user!.slice(0, 2)}***@${domain ?? ''}`;
};

export function page(lang: PageLanguage, title: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>body{font-family:-apple-system,'Segoe UI',Roboto,'PingFang SC','Microsoft YaHei',sans-serif;background:#f1f3f5;margin:0;padding:24px 12px;color:#212529}main{max-width:460px;margin:40px auto;background:#fff;border-radius:8px;padding:24px;box-shadow:0 1px 3px rgba(0,0,0,.1)}h1{font-size:22px;margin:0 0 12px}p{line-height:1.6}button{font-size:16px;padding:10px 20px;border:0;border-radius:6px;background:#228be6;color:#fff;cursor:pointer;width:100%}</style></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}
