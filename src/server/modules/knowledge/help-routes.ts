// The public help centre, served without login outside the API: GET /help (articles by category, and search) and
// GET /help/:slug (one published article). Drafts never show; a language switch moves between English and Chinese.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import { articleMatches } from './article-search.js';
import { listCategories } from './categories.js';
import { helpArticlePage, helpIndexPage, helpNotFoundPage, helpSearchPage, type HelpListItem, type HelpSection } from './help-page.js';
import { helpLanguage, helpStrings } from './help-strings.js';
import { publishedCorpus, type CorpusArticle } from './knowledge-corpus.js';
import { renderMarkdown } from './markdown.js';
import { suggestArticles } from './suggest-articles.js';

const helpQuery = z.object({ lang: z.string().max(20).optional().catch(undefined), q: z.string().optional().catch(undefined) });
const excerpt = (text: string) => (text.length > 160 ? `${text.slice(0, 160).trimEnd()}…` : text).replace(/\n/g, ' ');
const item = (a: Pick<CorpusArticle, 'slug' | 'title' | 'text'>): HelpListItem => ({ slug: a.slug, title: a.title, excerpt: excerpt(a.text) });

function sendHtml(reply: FastifyReply, status: number, html: string) {
  return reply.status(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
}

export const helpRoutes: FastifyPluginAsync = async (app) => {
  app.get('/help', { schema: { hide: true } }, async (req, reply) => {
    const query = helpQuery.parse(req.query);
    const lang = helpLanguage(query.lang, req.headers['accept-language']);
    const db = app.db;
    const corpus = await publishedCorpus(db);
    const q = (query.q ?? '').trim().slice(0, 200);
    if (q) {
      const matched = await db.kysely.selectFrom('kbArticles as a').select('a.id').where('a.status', '=', 'published').where(articleMatches(db.engine, 'kb_published', 'a.id', q)).limit(100).execute();
      const ids = new Set(matched.map((r) => r.id));
      const order = new Map(corpus.index.rank(q, { language: lang, limit: 100 }).map((r, i) => [r.id, i]));
      const exact = [...ids]
        .map((id) => corpus.articles.get(id))
        .filter((a) => a !== undefined)
        .sort((a, b) => Number(b.language === lang) - Number(a.language === lang) || (order.get(a.id) ?? 1e9) - (order.get(b.id) ?? 1e9) || a.title.localeCompare(b.title))
        .map(item);
      const related = exact.length ? [] : (await suggestArticles(db, { text: q, language: lang })).map((s) => item(corpus.articles.get(s.id)!));
      return sendHtml(reply, 200, helpSearchPage(lang, q, exact, related));
    }
    const inLang = [...corpus.articles.values()].filter((a) => a.language === lang).sort((a, b) => a.title.localeCompare(b.title, lang));
    const sections: HelpSection[] = [];
    const categories = await listCategories(db.kysely);
    for (const c of categories) {
      const items = inLang.filter((a) => a.categoryId === c.id).map(item);
      if (items.length) sections.push({ name: (lang === 'zh-CN' && c.nameZh) || c.nameEn, items });
    }
    const known = new Set(categories.map((c) => c.id));
    const rest = inLang.filter((a) => !a.categoryId || !known.has(a.categoryId)).map(item);
    if (rest.length) sections.push({ name: sections.length ? helpStrings(lang).uncategorised : helpStrings(lang).allArticles, items: rest });
    return sendHtml(reply, 200, helpIndexPage(lang, sections));
  });

  app.get('/help/:slug', { schema: { hide: true } }, async (req, reply) => {
    const { slug } = req.params as { slug: string };
    const query = helpQuery.parse(req.query);
    const db = app.db.kysely;
    const row = slug.length <= 120 ? await db.selectFrom('kbArticles').selectAll().where('slug', '=', slug).where('status', '=', 'published').executeTakeFirst() : undefined;
    if (!row) return sendHtml(reply, 404, helpNotFoundPage(helpLanguage(query.lang, req.headers['accept-language'])));
    const category = row.categoryId ? await db.selectFrom('kbCategories').select(['nameEn', 'nameZh']).where('id', '=', row.categoryId).executeTakeFirst() : undefined;
    const translations = await db
      .selectFrom('kbArticles')
      .select(['slug', 'language', 'publishedTitle'])
      .where('groupId', '=', row.groupId)
      .where('id', '!=', row.id)
      .where('status', '=', 'published')
      .execute();
    return sendHtml(
      reply,
      200,
      helpArticlePage({
        title: row.publishedTitle ?? row.title,
        html: renderMarkdown(row.publishedBody ?? ''),
        language: row.language,
        publishedAt: row.publishedAt ?? row.updatedAt,
        category: category ? (row.language === 'zh-CN' && category.nameZh) || category.nameEn : null,
        translations: translations.map((t) => ({ slug: t.slug, language: t.language, title: t.publishedTitle ?? '' })),
      }),
    );
  });
};
