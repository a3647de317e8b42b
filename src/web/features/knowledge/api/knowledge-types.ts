// Types of the knowledge base as the API answers them (src/server/modules/knowledge/schemas.ts).
export type ArticleLanguage = 'en' | 'zh-CN';
export type ArticleStatus = 'draft' | 'published';

export interface ArticleSummary {
  id: string;
  slug: string;
  language: ArticleLanguage;
  groupId: string;
  categoryId: string | null;
  title: string;
  status: ArticleStatus;
  version: number;
  publishedVersion: number | null;
  publishedAt: string | null;
  hasUnpublishedChanges: boolean;
  updatedBy: string | null;
  updatedAt: string;
}

export interface Article extends ArticleSummary {
  body: string;
  bodyHtml: string;
  createdBy: string | null;
  createdAt: string;
  translations: { id: string; language: ArticleLanguage; title: string; slug: string; status: ArticleStatus }[];
}

export interface ArticleVersionSummary {
  version: number;
  title: string;
  categoryId: string | null;
  restoredFrom: number | null;
  createdBy: string | null;
  createdAt: string;
  published: boolean;
  current: boolean;
}
export interface ArticleVersion extends ArticleVersionSummary {
  body: string;
  bodyHtml: string;
}

export interface Category {
  id: string;
  nameEn: string;
  nameZh: string | null;
  position: number;
  articleCount: number;
}

export interface Suggestion {
  id: string;
  slug: string;
  title: string;
  language: ArticleLanguage;
  categoryId: string | null;
  excerpt: string;
  score: number;
  coverage: number;
  url: string;
}

export interface BotAnswer {
  answer: string | null;
  articles: Suggestion[];
  confidence: number;
  handover: boolean;
  source: 'articles' | 'llm' | null;
}

export interface BotSettings {
  threshold: number;
  llmEnabled: boolean;
  llmUrl: string;
  llmModel: string;
  hasApiKey: boolean;
}
