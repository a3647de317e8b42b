// The published articles as the ranker sees them, built once per knowledge revision and per database handle, so a
// question costs a lookup of the revision plus the ranking; any publish/unpublish anywhere rebuilds it.
import type { Db } from '../../core/db/database.js';
import { markdownText } from './markdown.js';
import { Bm25Index } from './ranker.js';
import { knowledgeRevision } from './knowledge-revision.js';
import type { ArticleLanguage } from './tables.js';

export interface CorpusArticle {
  id: string;
  slug: string;
  title: string;
  /** The published body as plain text, paragraphs on their own lines. */
  text: string;
  language: ArticleLanguage;
  categoryId: string | null;
}

export interface Corpus {
  revision: string;
  articles: Map<string, CorpusArticle>;
  index: Bm25Index;
}

const built = new WeakMap<object, Corpus>();

export async function publishedCorpus(db: Db): Promise<Corpus> {
  const revision = await knowledgeRevision(db.kysely);
  const cached = built.get(db.kysely);
  if (cached && cached.revision === revision) return cached;
  const rows = await db.kysely
    .selectFrom('kbArticles')
    .select(['id', 'slug', 'language', 'categoryId', 'publishedTitle', 'publishedBody'])
    .where('status', '=', 'published')
    .execute();
  const articles = new Map<string, CorpusArticle>();
  for (const r of rows) articles.set(r.id, { id: r.id, slug: r.slug, title: r.publishedTitle ?? '', text: markdownText(r.publishedBody ?? ''), language: r.language, categoryId: r.categoryId });
  const corpus = { revision, articles, index: new Bm25Index([...articles.values()]) };
  built.set(db.kysely, corpus);
  return corpus;
}
