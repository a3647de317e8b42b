// HTTP routes of sentiment: results for badges (analysing on demand what was never analysed), an agent's correction,
// and trying the analyser on a text.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../../core/http/request-context.js';
import { analyseSentiment } from './analyse-sentiment.js';
import { correctSentiment } from './correct-sentiment.js';
import { visibleItems } from './sentiment-items.js';
import { latestCustomerSentiments } from './sentiment-conversations.js';
import { analyseAndStore, readStored, type StoredSentiment } from './sentiment-store.js';
import { analyseInput, analyseOutput, correctionInput, correctionParams, conversationSentimentQuery, sentimentQuery, sentimentSchema } from './sentiment-schemas.js';

export const sentimentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['sentiment'];
  app.get('/sentiment', { config: { scope: 'service:read' }, schema: { tags, summary: 'Sentiment and emotion of items you may see (messages, interactions, ticket notes, survey comments), for badges', querystring: sentimentQuery, response: { 200: z.object({ data: z.array(sentimentSchema) }) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    const { kind, ids } = req.query;
    const items = await visibleItems(db.kysely, actor, kind, ids);
    const stored = new Map((await readStored(db.kysely, kind, items.map((i) => i.id))).map((s) => [s.itemId, s]));
    const data: StoredSentiment[] = [];
    for (const item of items) {
      const s = stored.get(item.id) ?? (await analyseAndStore(db.kysely, kind, item));
      if (s) data.push(s);
    }
    return { data };
  });
  app.get('/sentiment/conversations', { config: { scope: 'service:read' }, schema: { tags, summary: "Each conversation's latest customer message with its sentiment and emotion (up to 200 conversations you may see), for the inbox list", querystring: conversationSentimentQuery, response: { 200: z.object({ data: z.array(sentimentSchema.extend({ conversationId: z.string() })) }) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return { data: await latestCustomerSentiments(db.kysely, actor, req.query.ids) };
  });
  app.put('/sentiment/:kind/:id', { config: { scope: 'service:write' }, schema: { tags, summary: 'Correct the sentiment and emotion of an item (kept as training data)', params: correctionParams, body: correctionInput, response: { 200: sentimentSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return correctSentiment(db, actor, req.params.kind, req.params.id, req.body);
  });
  app.post('/sentiment/analyse', { config: { scope: 'service:read' }, schema: { tags, summary: 'Analyse a text (Chinese, English or mixed) without storing anything', body: analyseInput, response: { 200: analyseOutput } } }, async (req) => {
    ctxOf(req);
    const { language: _l, ...rest } = analyseSentiment(req.body.text);
    return { ...rest, language: _l };
  });
};
