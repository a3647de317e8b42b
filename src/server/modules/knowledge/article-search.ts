// Articles in the shared search index (search_index): 'kb_article' holds the latest draft for the editors' list,
// 'kb_published' the published text for the help centre; both match any part of a Chinese or English word.
import { sql, type RawBuilder } from 'kysely';
import type { DbOrTrx, Engine } from '../../core/db/database.js';
import { indexEntity, searchPredicate, unindexEntity } from '../customers/index.js';
import { markdownText } from './markdown.js';

export type ArticleIndex = 'kb_article' | 'kb_published';

export async function indexArticle(trx: DbOrTrx, engine: Engine, entity: ArticleIndex, id: string, title: string, body: string): Promise<void> {
  const text = markdownText(body);
  await indexEntity(trx, engine, entity, id, { names: [title], shortNames: [title, text], extra: [text] });
}

export async function unindexArticle(trx: DbOrTrx, entity: ArticleIndex, id: string): Promise<void> {
  await unindexEntity(trx, entity, id);
}

/**
 * True for articles (column `idColumn`) whose indexed text contains every word of q: "refund policy" matches an article
 * with both words anywhere, "退款" one about 退款政策.
 */
export function articleMatches(engine: Engine, entity: ArticleIndex, idColumn: string, q: string): RawBuilder<boolean> {
  const words = q.trim().split(/\s+/).filter(Boolean).slice(0, 6);
  const parts = words.map((w) => sql`exists (select 1 from search_index s where s.entity = ${entity} and s.entity_id = ${sql.ref(idColumn)} and ${searchPredicate(engine, w)})`);
  return parts.length ? sql<boolean>`(${sql.join(parts, sql` and `)})` : sql<boolean>`1 = 1`;
}
