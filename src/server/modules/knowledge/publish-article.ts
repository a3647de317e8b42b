// Publishing: the article's latest version becomes what the help centre, suggestions and the bot show; unpublishing
// takes it back to a draft (its text and versions stay).
import type { Db } from '../../core/db/database.js';
import type { Actor } from '../../core/auth/actor.js';
import { AppError } from '../../core/errors.js';
import { nowIso } from '../../core/ids.js';
import { writeAudit } from '../../core/audit/audit-log.js';
import { emitEvent } from '../../core/events/outbox.js';
import { findArticleRow, getArticle } from './article-read.js';
import { indexArticle, unindexArticle } from './article-search.js';
import { bumpKnowledgeRevision } from './knowledge-revision.js';
import type { Article } from './schemas.js';

export async function publishArticle(db: Db, actor: Actor, id: string): Promise<Article> {
  const row = await findArticleRow(db.kysely, id);
  if (!row.body.trim()) throw new AppError('validation', 'Write the article before publishing it', [{ path: 'body', message: 'empty' }]);
  if (row.status === 'published' && Number(row.publishedVersion) === Number(row.version)) return getArticle(db.kysely, id);
  const now = nowIso();
  return db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('kbArticles')
      .set({ status: 'published', publishedVersion: row.version, publishedTitle: row.title, publishedBody: row.body, publishedAt: now, updatedAt: now, updatedBy: actor.id })
      .where('id', '=', id)
      .execute();
    await indexArticle(trx, db.engine, 'kb_published', id, row.title, row.body);
    await bumpKnowledgeRevision(trx);
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'kb_article', entityId: id, before: { status: row.status, publishedVersion: row.publishedVersion }, after: { status: 'published', publishedVersion: row.version } });
    await emitEvent(trx, 'article.published', 'kb_article', id, { id, version: row.version, slug: row.slug, language: row.language });
    return getArticle(trx, id);
  });
}

export async function unpublishArticle(db: Db, actor: Actor, id: string): Promise<Article> {
  const row = await findArticleRow(db.kysely, id);
  if (row.status === 'draft') return getArticle(db.kysely, id);
  const now = nowIso();
  return db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('kbArticles')
      .set({ status: 'draft', publishedVersion: null, publishedTitle: null, publishedBody: null, publishedAt: null, updatedAt: now, updatedBy: actor.id })
      .where('id', '=', id)
      .execute();
    await unindexArticle(trx, 'kb_published', id);
    await bumpKnowledgeRevision(trx);
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'kb_article', entityId: id, before: { status: 'published', publishedVersion: row.publishedVersion }, after: { status: 'draft' } });
    await emitEvent(trx, 'article.unpublished', 'kb_article', id, { id });
    return getArticle(trx, id);
  });
}
