// Tables of the knowledge module: categories, articles (one language each, translations share a group) and every saved version.
export const articleLanguages = ['en', 'zh-CN'] as const;
export type ArticleLanguage = (typeof articleLanguages)[number];
export const articleStatuses = ['draft', 'published'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

export interface KbCategoriesTable {
  id: string;
  nameEn: string;
  nameZh: string | null;
  position: number;
  createdAt: string;
  updatedAt: string;
}

export interface KbArticlesTable {
  id: string;
  /** The help centre's URL: /help/<slug>. Unique over all articles. */
  slug: string;
  language: ArticleLanguage;
  /** Translations of one article share a group (the first article's id). */
  groupId: string;
  categoryId: string | null;
  /** The latest saved draft: what the editor shows. */
  title: string;
  body: string;
  /** The number of the latest version (1 after the first save). */
  version: number;
  status: ArticleStatus;
  /** What the public and the bot see: a copy of the version that was published (null while a draft). */
  publishedVersion: number | null;
  publishedTitle: string | null;
  publishedBody: string | null;
  publishedAt: string | null;
  createdBy: string | null;
  updatedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface KbArticleVersionsTable {
  articleId: string;
  version: number;
  title: string;
  body: string;
  categoryId: string | null;
  /** Set when the version was made by restoring an older one. */
  restoredFrom: number | null;
  createdBy: string | null;
  createdAt: string;
}

export interface KnowledgeTables {
  kbCategories: KbCategoriesTable;
  kbArticles: KbArticlesTable;
  kbArticleVersions: KbArticleVersionsTable;
}
