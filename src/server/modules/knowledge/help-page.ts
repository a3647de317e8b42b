// The help centre's HTML: a plain server-rendered page (no script) that reads well on a phone. Every value from the
// database is escaped; article bodies are Markdown rendered without raw HTML (markdown.ts).
import { helpStrings, languageNames } from './help-strings.js';
import type { ArticleLanguage } from './tables.js';

export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface HelpListItem {
  slug: string;
  title: string;
  excerpt: string;
}
export interface HelpSection {
  name: string;
  items: HelpListItem[];
}

const style = `
*{box-sizing:border-box}body{margin:0;font:16px/1.6 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;color:#1f2937;background:#f8fafc}
header{background:#1c7ed6;color:#fff;padding:16px}header .bar{max-width:820px;margin:0 auto;display:flex;justify-content:space-between;align-items:center;gap:12px}
header a{color:#fff;text-decoration:none;font-weight:600}main{max-width:820px;margin:0 auto;padding:16px}
form{display:flex;gap:8px;margin:8px 0 20px}input[type=search]{flex:1;min-width:0;padding:10px 12px;font-size:16px;border:1px solid #cbd5e1;border-radius:8px}
button{padding:10px 16px;font-size:16px;border:0;border-radius:8px;background:#1c7ed6;color:#fff}
h1{font-size:1.6em;line-height:1.3;margin:.4em 0}h2{font-size:1.2em;margin:1.4em 0 .4em}ul.list{list-style:none;padding:0;margin:0}
ul.list li{background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:12px;margin-bottom:8px}ul.list a{font-weight:600;color:#1c7ed6;text-decoration:none}
.muted{color:#64748b;font-size:.9em}article{background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:16px;overflow-wrap:anywhere}
article img{max-width:100%}article pre{overflow-x:auto;background:#f1f5f9;padding:8px;border-radius:6px}article table{border-collapse:collapse;display:block;overflow-x:auto}
article td,article th{border:1px solid #e2e8f0;padding:4px 8px}`;

export function helpLayout(lang: ArticleLanguage, title: string, switchHref: string, content: string): string {
  const s = helpStrings(lang);
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>${style}</style></head>
<body><header><div class="bar"><a href="/help?lang=${lang}">${esc(s.helpCentre)}</a><a href="${esc(switchHref)}" data-testid="help-language" hreflang="${lang === 'en' ? 'zh-CN' : 'en'}">${esc(s.otherLanguage)}</a></div></header>
<main>${content}</main></body></html>`;
}

function searchForm(lang: ArticleLanguage, q: string): string {
  const s = helpStrings(lang);
  return `<form method="get" action="/help" role="search"><input type="hidden" name="lang" value="${lang}">
<input type="search" name="q" value="${esc(q)}" placeholder="${esc(s.searchPlaceholder)}" aria-label="${esc(s.searchLabel)}" maxlength="200"><button type="submit">${esc(s.searchButton)}</button></form>`;
}

function list(lang: ArticleLanguage, items: HelpListItem[]): string {
  return `<ul class="list">${items.map((i) => `<li><a href="/help/${esc(i.slug)}?lang=${lang}">${esc(i.title)}</a>${i.excerpt ? `<div class="muted">${esc(i.excerpt)}</div>` : ''}</li>`).join('')}</ul>`;
}

export function helpIndexPage(lang: ArticleLanguage, sections: HelpSection[]): string {
  const s = helpStrings(lang);
  const body = sections.length ? sections.map((sec) => `<h2>${esc(sec.name)}</h2>${list(lang, sec.items)}`).join('') : `<p class="muted">${esc(s.noArticles)}</p>`;
  return helpLayout(lang, s.helpCentre, `/help?lang=${lang === 'en' ? 'zh-CN' : 'en'}`, `<h1>${esc(s.helpCentre)}</h1>${searchForm(lang, '')}${body}`);
}

export function helpSearchPage(lang: ArticleLanguage, q: string, exact: HelpListItem[], related: HelpListItem[]): string {
  const s = helpStrings(lang);
  const other = lang === 'en' ? 'zh-CN' : 'en';
  let body = `<h1>${esc(s.resultsFor)} “${esc(q)}”</h1>`;
  if (exact.length) body += list(lang, exact);
  else if (related.length) body += `<p class="muted">${esc(s.noMatches)}</p>${list(lang, related)}`;
  else body += `<p class="muted">${esc(s.nothingAtAll)}</p>`;
  return helpLayout(lang, `${s.resultsFor} ${q}`, `/help?lang=${other}&q=${encodeURIComponent(q)}`, `${searchForm(lang, q)}${body}<p><a href="/help?lang=${lang}">${esc(s.backToList)}</a></p>`);
}

export interface HelpArticleView {
  title: string;
  html: string;
  language: ArticleLanguage;
  publishedAt: string;
  category: string | null;
  translations: { slug: string; language: ArticleLanguage; title: string }[];
}

export function helpArticlePage(a: HelpArticleView): string {
  const s = helpStrings(a.language);
  const other = a.language === 'en' ? 'zh-CN' : 'en';
  const twin = a.translations.find((t) => t.language === other);
  const switchHref = twin ? `/help/${twin.slug}?lang=${other}` : `/help?lang=${other}`;
  const also = a.translations.length
    ? `<p class="muted">${esc(s.alsoIn)}: ${a.translations.map((t) => `<a href="/help/${esc(t.slug)}?lang=${t.language}" hreflang="${t.language}">${esc(languageNames[t.language])} · ${esc(t.title)}</a>`).join(' ')}</p>`
    : '';
  const meta = `<p class="muted">${a.category ? `${esc(a.category)} · ` : ''}${esc(s.updated)} ${esc(a.publishedAt.slice(0, 10))}</p>`;
  return helpLayout(a.language, a.title, switchHref, `${searchForm(a.language, '')}<article lang="${a.language}"><h1>${esc(a.title)}</h1>${meta}${a.html}</article>${also}<p><a href="/help?lang=${a.language}">${esc(s.backToList)}</a></p>`);
}

export function helpNotFoundPage(lang: ArticleLanguage): string {
  const s = helpStrings(lang);
  return helpLayout(lang, s.helpCentre, `/help?lang=${lang === 'en' ? 'zh-CN' : 'en'}`, `<h1>${esc(s.helpCentre)}</h1><p>${esc(s.notFound)}</p><p><a href="/help?lang=${lang}">${esc(s.backToList)}</a></p>`);
}
