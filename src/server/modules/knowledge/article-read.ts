// Reading articles: one with its rendered body and translations, and the editors' list (search, status, language, category).
import type { Selectable } from 'kysely';
import type { Db, DbOrTrx } from '../../core/db/database.js';
import { notFound } from '../../core/errors.js';
import { decodeCursor, keysetAfter, pageOf, type Page } from '../../core/pagination.js';
import { articleMatches } from './article-search.js';
import { renderMarkdown } from './markdown.js';
import type { Article, ArticleListQuery, ArticleSummary } from './schemas.js';
import type { KbArticlesTable } from './tables.js';

export type ArticleRow = Selectable<KbArticlesTable>;

export function toSummary(r: ArticleRow): ArticleSummary {
  return {
    id: r.id,
    slug: r.slug,
    language: r.language,
    groupId: r.groupId,
    categoryId: r.categoryId,
    title: r.title,
    status: r.status,
    version: Number(r.version),
    publishedVersion: r.publishedVersion === null ? null : Number(r.publishedVersion),
    publishedAt: r.publishedAt,
    hasUnpublishedChanges: r.status === 'published' && Number(r.version) !== Number(r.publishedVersion),
    updatedBy: r.updatedBy,
    updatedAt: r.updatedAt,
  };
}

export async function findArticleRow(db: DbOrTrx, id: string): Promise<ArticleRow> {
  const row = await db.selectFrom('kbArticles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Article');
  return row;
}

export async function getArticle(db: DbOrTrx, id: string): Promise<Article> {
  const row = await findArticleRow(db, id);
  const translations = await db
    .selectFrom('kbArticles')
    .select(['id', 'language', 'title', 'slug', 'status'])
    .where('groupId', '=', row.groupId)
    .where('id', '!=', row.id)
    .orderBy('language')
    .execute();
  return { ...toSummary(row), body: row.body, bodyHtml: renderMarkdown(row.body), createdBy: row.createdBy, createdAt: row.createdAt, translations };
}

/** Newest change first; q matches any part of the title or body (Chinese too), every word of it. */
export async function listArticles(db: Db, q: ArticleListQuery): Promise<Page<ArticleSummary>> {
  let query = db.kysely.selectFrom('kbArticles as a').selectAll('a');
  if (q.status) query = query.where('a.status', '=', q.status);
  if (q.language) query = query.where('a.language', '=', q.language);
  if (q.categoryId) query = query.where('a.categoryId', '=', q.categoryId);
  if (q.q) query = query.where(articleMatches(db.engine, 'kb_article', 'a.id', q.q));
  if (q.cursor) query = query.where(keysetAfter('a.updatedAt', 'a.id', decodeCursor(q.cursor, 2), 'desc'));
  const rows = await query.orderBy('a.updatedAt', 'desc').orderBy('a.id', 'desc').limit(q.limit + 1).execute();
  const page = pageOf(rows, q.limit, (r) => [r.updatedAt, r.id]);
  return { data: page.data.map(toSummary), nextCursor: page.nextCursor };
}
