// Writing articles: create (a new article or a translation of one), save (every save is a new version), delete.
import type { Db, DbOrTrx } from '../../core/db/database.js';
import type { Actor } from '../../core/auth/actor.js';
import { AppError, invalid } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { writeAudit } from '../../core/audit/audit-log.js';
import { emitEvent } from '../../core/events/outbox.js';
import { findArticleRow, getArticle } from './article-read.js';
import { indexArticle, unindexArticle } from './article-search.js';
import { slugFromTitle, uniqueSlug } from './article-slug.js';
import { bumpKnowledgeRevision } from './knowledge-revision.js';
import type { Article, ArticleInput, ArticleSave } from './schemas.js';

async function assertCategory(db: DbOrTrx, categoryId: string | null | undefined): Promise<void> {
  if (!categoryId) return;
  const found = await db.selectFrom('kbCategories').select('id').where('id', '=', categoryId).executeTakeFirst();
  if (!found) throw invalid('categoryId', 'No such category');
}

async function assertSlugFree(db: DbOrTrx, slug: string, exceptId?: string): Promise<void> {
  const clash = await db.selectFrom('kbArticles').select('id').where('slug', '=', slug).executeTakeFirst();
  if (clash && clash.id !== exceptId) throw new AppError('conflict', 'Another article already has this address', [{ path: 'slug', message: 'already in use' }]);
}

/** Records one version of an article: every save, create and restore makes one, so no text is ever lost. */
export async function addVersion(trx: DbOrTrx, v: { articleId: string; version: number; title: string; body: string; categoryId: string | null; restoredFrom?: number; actorId: string; at: string }) {
  await trx
    .insertInto('kbArticleVersions')
    .values({ articleId: v.articleId, version: v.version, title: v.title, body: v.body, categoryId: v.categoryId, restoredFrom: v.restoredFrom ?? null, createdBy: v.actorId, createdAt: v.at })
    .execute();
}

export async function createArticle(db: Db, actor: Actor, input: ArticleInput): Promise<Article> {
  let groupId: string | null = null;
  let categoryId = input.categoryId ?? null;
  if (input.translationOf) {
    const original = await db.kysely.selectFrom('kbArticles').select(['groupId', 'categoryId']).where('id', '=', input.translationOf).executeTakeFirst();
    if (!original) throw invalid('translationOf', 'No such article to translate');
    const same = await db.kysely.selectFrom('kbArticles').select('id').where('groupId', '=', original.groupId).where('language', '=', input.language).executeTakeFirst();
    if (same) throw new AppError('conflict', 'This article already has a translation in that language', [{ path: 'language', message: 'already translated' }]);
    groupId = original.groupId;
    if (input.categoryId === undefined) categoryId = original.categoryId;
  }
  await assertCategory(db.kysely, categoryId);
  if (input.slug) await assertSlugFree(db.kysely, input.slug);
  const id = newId();
  const now = nowIso();
  return db.kysely.transaction().execute(async (trx) => {
    const slug = input.slug ?? (await uniqueSlug(trx, slugFromTitle(input.title)));
    await trx
      .insertInto('kbArticles')
      .values({
        id, slug, language: input.language, groupId: groupId ?? id, categoryId, title: input.title, body: input.body, version: 1, status: 'draft',
        publishedVersion: null, publishedTitle: null, publishedBody: null, publishedAt: null, createdBy: actor.id, updatedBy: actor.id, createdAt: now, updatedAt: now,
      })
      .execute();
    await addVersion(trx, { articleId: id, version: 1, title: input.title, body: input.body, categoryId, actorId: actor.id, at: now });
    await indexArticle(trx, db.engine, 'kb_article', id, input.title, input.body);
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'create', entity: 'kb_article', entityId: id, after: { title: input.title, language: input.language, slug } });
    await emitEvent(trx, 'article.created', 'kb_article', id, { id, title: input.title, language: input.language });
    return getArticle(trx, id);
  });
}

/** Saves the editor's text as a new version. A published article keeps showing its published version until published again. */
export async function saveArticle(db: Db, actor: Actor, id: string, patch: ArticleSave, restoredFrom?: number): Promise<Article> {
  const before = await findArticleRow(db.kysely, id);
  if (patch.expectedVersion !== undefined && patch.expectedVersion !== Number(before.version))
    throw new AppError('conflict', 'Someone saved this article since you opened it; reload to see their changes');
  if (patch.categoryId !== undefined) await assertCategory(db.kysely, patch.categoryId);
  if (patch.slug && patch.slug !== before.slug) await assertSlugFree(db.kysely, patch.slug, id);
  const next = { title: patch.title ?? before.title, body: patch.body ?? before.body, categoryId: patch.categoryId === undefined ? before.categoryId : patch.categoryId, slug: patch.slug ?? before.slug };
  const unchanged = next.title === before.title && next.body === before.body && next.categoryId === before.categoryId && next.slug === before.slug;
  if (unchanged && restoredFrom === undefined) return getArticle(db.kysely, id);
  const now = nowIso();
  const version = Number(before.version) + 1;
  return db.kysely.transaction().execute(async (trx) => {
    // The version guard again inside the transaction: two saves from the same start cannot both win.
    const res = await trx.updateTable('kbArticles').set({ ...next, version, updatedBy: actor.id, updatedAt: now }).where('id', '=', id).where('version', '=', before.version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('conflict', 'Someone saved this article at the same moment; reload to see their changes');
    await addVersion(trx, { articleId: id, version, title: next.title, body: next.body, categoryId: next.categoryId, restoredFrom, actorId: actor.id, at: now });
    await indexArticle(trx, db.engine, 'kb_article', id, next.title, next.body);
    // The address and category are not part of what was published; they change on the public page at once.
    if (before.status === 'published' && (next.slug !== before.slug || next.categoryId !== before.categoryId)) await bumpKnowledgeRevision(trx);
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'kb_article', entityId: id, before: { version: before.version, title: before.title, slug: before.slug }, after: { version, title: next.title, slug: next.slug, ...(restoredFrom && { restoredFrom }) } });
    await emitEvent(trx, 'article.updated', 'kb_article', id, { id, version });
    return getArticle(trx, id);
  });
}

export async function deleteArticle(db: Db, actor: Actor, id: string): Promise<void> {
  const before = await findArticleRow(db.kysely, id);
  await db.kysely.transaction().execute(async (trx) => {
    // A translation group keeps its name: the next article becomes the group's anchor (ids stay as they are).
    await trx.deleteFrom('kbArticleVersions').where('articleId', '=', id).execute();
    await trx.deleteFrom('kbArticles').where('id', '=', id).execute();
    await unindexArticle(trx, 'kb_article', id);
    await unindexArticle(trx, 'kb_published', id);
    if (before.status === 'published') await bumpKnowledgeRevision(trx);
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'delete', entity: 'kb_article', entityId: id, before: { title: before.title, slug: before.slug, version: before.version } });
    await emitEvent(trx, 'article.deleted', 'kb_article', id, { id });
  });
}
