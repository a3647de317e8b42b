// The help centre's own words in English and Chinese (it is rendered on the server, for visitors without the web app).
import type { ArticleLanguage } from './tables.js';

const en = {
  helpCentre: 'Help centre',
  searchLabel: 'Search the help centre',
  searchButton: 'Search',
  searchPlaceholder: 'Search, e.g. refund',
  allArticles: 'All articles',
  uncategorised: 'Other articles',
  noArticles: 'No articles yet.',
  resultsFor: 'Results for',
  noMatches: 'Nothing matches your search. These articles may still help:',
  nothingAtAll: 'Nothing matches your search.',
  notFound: 'This article does not exist or is no longer published.',
  backToList: 'All articles',
  updated: 'Updated',
  alsoIn: 'Also in',
  otherLanguage: '中文',
};
type HelpStrings = typeof en;

const zh: HelpStrings = {
  helpCentre: '帮助中心',
  searchLabel: '搜索帮助中心',
  searchButton: '搜索',
  searchPlaceholder: '搜索，例如 退款',
  allArticles: '全部文章',
  uncategorised: '其他文章',
  noArticles: '还没有文章。',
  resultsFor: '搜索结果：',
  noMatches: '没有完全匹配的文章。以下文章可能有帮助：',
  nothingAtAll: '没有匹配的文章。',
  notFound: '这篇文章不存在或已不再公开。',
  backToList: '全部文章',
  updated: '更新于',
  alsoIn: '其他语言',
  otherLanguage: 'English',
};

export const helpStrings = (lang: ArticleLanguage): HelpStrings => (lang === 'zh-CN' ? zh : en);

export const languageNames: Record<ArticleLanguage, string> = { en: 'English', 'zh-CN': '中文' };

/** ?lang= first, then the browser's Accept-Language; English otherwise. */
export function helpLanguage(lang: string | undefined, acceptLanguage: string | undefined): ArticleLanguage {
  if (lang === 'en' || lang === 'zh-CN') return lang;
  if (lang?.toLowerCase().startsWith('zh')) return 'zh-CN';
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('zh') ? 'zh-CN' : 'en';
}
