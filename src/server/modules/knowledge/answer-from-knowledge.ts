// The knowledge bot: answers a question from published articles when it is confident enough, and otherwise says it
// does not know so the conversation goes to a person. Offline by default (the best passage of the best article);
// with a model endpoint configured, a written answer grounded only in the retrieved articles.
import type { Db } from '../../core/db/database.js';
import { getBotSettings, llmConfig } from './bot-settings.js';
import { publishedCorpus } from './knowledge-corpus.js';
import { askModel } from './llm-client.js';
import { bestPassage } from './ranker.js';
import type { BotAnswer } from './schemas.js';
import { suggestArticles } from './suggest-articles.js';
import type { ArticleLanguage } from './tables.js';

export interface BotQuestion {
  question: string;
  language: ArticleLanguage;
}

interface BotLog {
  warn(obj: object, msg: string): void;
}

/** How many retrieved articles the model may read. */
const GROUNDING_ARTICLES = 3;

export async function answerFromKnowledge(db: Db, q: BotQuestion, opts: { log?: BotLog } = {}): Promise<BotAnswer> {
  const settings = await getBotSettings(db.kysely);
  const articles = await suggestArticles(db, { text: q.question, language: q.language, limit: GROUNDING_ARTICLES });
  const confidence = articles[0]?.coverage ?? 0;
  if (!articles.length || confidence < settings.threshold) return { answer: null, articles, confidence, handover: true, source: null };

  const corpus = await publishedCorpus(db);
  const grounding = articles.map((a) => corpus.articles.get(a.id)).filter((a) => a !== undefined);
  const llm = await llmConfig(db.kysely);
  if (llm) {
    try {
      const written = await askModel(llm, q.question, q.language, grounding);
      if (written === null) return { answer: null, articles, confidence, handover: true, source: null };
      return { answer: written, articles, confidence, handover: false, source: 'llm' };
    } catch (err) {
      // The articles still answer when the model cannot be reached.
      opts.log?.warn({ err: (err as Error).message }, 'knowledge bot: the model endpoint failed; answering from the articles');
    }
  }
  const answer = bestPassage(grounding[0]!.text, q.question);
  return { answer, articles, confidence, handover: !answer, source: answer ? 'articles' : null };
}
