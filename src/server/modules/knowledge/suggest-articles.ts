// Published articles that answer a customer's message, best first: shown beside the agent's reply box and used by the bot.
import type { Db } from '../../core/db/database.js';
import { publishedCorpus } from './knowledge-corpus.js';
import { bestPassage } from './ranker.js';
import type { Suggestion } from './schemas.js';
import type { ArticleLanguage } from './tables.js';

export interface SuggestOptions {
  /** The customer's message (or any question). */
  text: string;
  /** Articles in this language rank a little higher; others still show when they match. */
  language?: ArticleLanguage;
  /** At most this many (default 5). */
  limit?: number;
}

/** Matches sharing under this share of the message's terms, or scoring under this share of the best, are noise. */
const MIN_COVERAGE = 0.2;
const MIN_RELATIVE_SCORE = 0.3;

const round = (n: number) => Math.round(n * 1000) / 1000;

export async function suggestArticles(db: Db, opts: SuggestOptions): Promise<Suggestion[]> {
  const corpus = await publishedCorpus(db);
  const ranked = corpus.index.rank(opts.text, { language: opts.language, limit: (opts.limit ?? 5) * 2 });
  const top = ranked[0]?.score ?? 0;
  return ranked
    .filter((r) => r.coverage >= MIN_COVERAGE && r.score >= top * MIN_RELATIVE_SCORE)
    .slice(0, opts.limit ?? 5)
    .map((r) => {
      const a = corpus.articles.get(r.id)!;
      return {
        id: a.id,
        slug: a.slug,
        title: a.title,
        language: a.language,
        categoryId: a.categoryId,
        excerpt: bestPassage(a.text, opts.text, 280),
        score: round(r.score),
        coverage: round(r.coverage),
        url: `/help/${a.slug}`,
      };
    });
}
