// An article's versions: the list, one version with its text, and restoring one (which saves it as the newest version).
import type { Db, DbOrTrx } from '../../core/db/database.js';
import type { Actor } from '../../core/auth/actor.js';
import { notFound } from '../../core/errors.js';
import { findArticleRow } from './article-read.js';
import { saveArticle } from './article-service.js';
import { renderMarkdown } from './markdown.js';
import type { Article, ArticleVersion } from './schemas.js';

type VersionSummary = Omit<ArticleVersion, 'body' | 'bodyHtml'>;

export async function listVersions(db: DbOrTrx, articleId: string): Promise<VersionSummary[]> {
  const article = await findArticleRow(db, articleId);
  const rows = await db
    .selectFrom('kbArticleVersions')
    .select(['version', 'title', 'categoryId', 'restoredFrom', 'createdBy', 'createdAt'])
    .where('articleId', '=', articleId)
    .orderBy('version', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    ...r,
    version: Number(r.version),
    restoredFrom: r.restoredFrom === null ? null : Number(r.restoredFrom),
    published: Number(r.version) === Number(article.publishedVersion),
    current: Number(r.version) === Number(article.version),
  }));
}

export async function getVersion(db: DbOrTrx, articleId: string, version: number): Promise<ArticleVersion> {
  const article = await findArticleRow(db, articleId);
  const r = await db.selectFrom('kbArticleVersions').selectAll().where('articleId', '=', articleId).where('version', '=', version).executeTakeFirst();
  if (!r) throw notFound('Version');
  return {
    version: Number(r.version),
    title: r.title,
    body: r.body,
    bodyHtml: renderMarkdown(r.body),
    categoryId: r.categoryId,
    restoredFrom: r.restoredFrom === null ? null : Number(r.restoredFrom),
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    published: Number(r.version) === Number(article.publishedVersion),
    current: Number(r.version) === Number(article.version),
  };
}

/** The old text becomes the newest version (history is never rewritten); publish it to show it to the public. */
export async function restoreVersion(db: Db, actor: Actor, articleId: string, version: number): Promise<Article> {
  const old = await getVersion(db.kysely, articleId, version);
  return saveArticle(db, actor, articleId, { title: old.title, body: old.body }, version);
}
