// HTTP routes of knowledge articles: list, read, create, save, delete, publish, versions, and categories.
// Everyone logged in reads; support agents, managers and admins write.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../core/http/request-context.js';
import { idParams, listOf } from '../../core/http/common-schemas.js';
import { getArticle, listArticles } from './article-read.js';
import { createArticle, deleteArticle, saveArticle } from './article-service.js';
import { getVersion, listVersions, restoreVersion } from './article-versions.js';
import { createCategory, deleteCategory, listCategories, updateCategory } from './categories.js';
import { publishArticle, unpublishArticle } from './publish-article.js';
import { articleInput, articleListQuery, articleSave, articleSchema, articleSummarySchema, categoryInput, categorySchema, versionSchema, versionSummarySchema } from './schemas.js';

const versionParams = z.object({ id: z.string().min(1).max(100), version: z.coerce.number().int().min(1).max(1_000_000) });
const read = { scope: 'service:read' } as const;
const write = { scope: 'service:write', access: 'support' } as const;

export const articleRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['knowledge'];
  app.get('/knowledge/articles', { config: read, schema: { tags, summary: 'Knowledge articles, newest change first; q searches title and body in any language', querystring: articleListQuery, response: { 200: listOf(articleSummarySchema) } } }, async (req) =>
    listArticles(ctxOf(req).db, req.query),
  );
  app.post('/knowledge/articles', { config: write, schema: { tags, summary: 'Write a new article (a draft), or a translation of one (translationOf)', body: articleInput, response: { 201: articleSchema } } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    return reply.status(201).send(await createArticle(db, actor, req.body));
  });
  app.get('/knowledge/articles/:id', { config: read, schema: { tags, summary: 'One article with its rendered body and translations', params: idParams, response: { 200: articleSchema } } }, async (req) =>
    getArticle(ctxOf(req).db.kysely, req.params.id),
  );
  app.patch('/knowledge/articles/:id', { config: write, schema: { tags, summary: 'Save an article: every save is a new version', params: idParams, body: articleSave, response: { 200: articleSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return saveArticle(db, actor, req.params.id, req.body);
  });
  app.delete('/knowledge/articles/:id', { config: write, schema: { tags, summary: 'Delete an article and its versions', params: idParams } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    await deleteArticle(db, actor, req.params.id);
    return reply.status(204).send();
  });
  app.post('/knowledge/articles/:id/publish', { config: write, schema: { tags, summary: 'Publish the latest version to the help centre and the bot', params: idParams, response: { 200: articleSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return publishArticle(db, actor, req.params.id);
  });
  app.post('/knowledge/articles/:id/unpublish', { config: write, schema: { tags, summary: 'Take an article off the help centre (it becomes a draft)', params: idParams, response: { 200: articleSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return unpublishArticle(db, actor, req.params.id);
  });
  app.get('/knowledge/articles/:id/versions', { config: read, schema: { tags, summary: 'Every saved version of an article, newest first', params: idParams, response: { 200: z.object({ data: z.array(versionSummarySchema) }) } } }, async (req) => ({
    data: await listVersions(ctxOf(req).db.kysely, req.params.id),
  }));
  app.get('/knowledge/articles/:id/versions/:version', { config: read, schema: { tags, summary: 'One version with its text', params: versionParams, response: { 200: versionSchema } } }, async (req) =>
    getVersion(ctxOf(req).db.kysely, req.params.id, req.params.version),
  );
  app.post('/knowledge/articles/:id/versions/:version/restore', { config: write, schema: { tags, summary: 'Save an old version again as the newest', params: versionParams, response: { 200: articleSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return restoreVersion(db, actor, req.params.id, req.params.version);
  });

  app.get('/knowledge/categories', { config: read, schema: { tags, summary: 'Knowledge categories in order, with their article counts', response: { 200: z.object({ data: z.array(categorySchema) }) } } }, async (req) => ({
    data: await listCategories(ctxOf(req).db.kysely),
  }));
  app.post('/knowledge/categories', { config: write, schema: { tags, summary: 'Add a category', body: categoryInput, response: { 201: categorySchema } } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    return reply.status(201).send(await createCategory(db, actor, req.body));
  });
  app.patch('/knowledge/categories/:id', { config: write, schema: { tags, summary: 'Rename or move a category', params: idParams, body: categoryInput.partial(), response: { 200: categorySchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return updateCategory(db, actor, req.params.id, req.body);
  });
  app.delete('/knowledge/categories/:id', { config: write, schema: { tags, summary: 'Delete a category (its articles stay, uncategorised)', params: idParams } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    await deleteCategory(db, actor, req.params.id);
    return reply.status(204).send();
  });
};
