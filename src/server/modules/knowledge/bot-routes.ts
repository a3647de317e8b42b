// HTTP routes of suggestions and the bot: articles for a customer's message, trying the bot, its settings (admins),
// and a Markdown preview for the editor.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, requireAdmin } from '../../core/http/request-context.js';
import { answerFromKnowledge } from './answer-from-knowledge.js';
import { botSettingsInput, botSettingsSchema, getBotSettings, setBotSettings } from './bot-settings.js';
import { renderMarkdown } from './markdown.js';
import { answerInput, answerSchema, suggestionSchema, suggestionsQuery } from './schemas.js';
import { suggestArticles } from './suggest-articles.js';

export const botRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['knowledge'];
  app.get('/knowledge/suggestions', { config: { scope: 'service:read' }, schema: { tags, summary: 'Published articles that answer a customer’s message, best first', querystring: suggestionsQuery, response: { 200: z.object({ data: z.array(suggestionSchema) }) } } }, async (req) => {
    const { db } = ctxOf(req);
    return { data: await suggestArticles(db, req.query) };
  });
  app.post('/knowledge/answer', { config: { scope: 'service:read' }, schema: { tags, summary: 'Ask the knowledge bot: an answer from published articles, or a handover when it is not confident', body: answerInput, response: { 200: answerSchema } } }, async (req) => {
    const { db } = ctxOf(req);
    return answerFromKnowledge(db, req.body, { log: req.log });
  });
  app.post('/knowledge/preview', { config: { scope: 'service:write', access: 'support' }, schema: { tags, summary: 'Render article Markdown as the help centre will show it', body: z.strictObject({ body: z.string().max(100_000) }), response: { 200: z.object({ html: z.string() }) } } }, async (req) => ({
    html: renderMarkdown(req.body.body),
  }));
  app.get('/knowledge/bot-settings', { config: { scope: 'session', access: 'admin' }, schema: { tags, summary: 'The bot’s confidence threshold and model endpoint (the key is never shown)', response: { 200: botSettingsSchema } } }, async (req) =>
    getBotSettings(requireAdmin(req).db.kysely),
  );
  app.put('/knowledge/bot-settings', { config: { scope: 'session', access: 'admin' }, schema: { tags, summary: 'Change the bot’s threshold or model endpoint', body: botSettingsInput, response: { 200: botSettingsSchema } } }, async (req) => {
    const { db, actor } = requireAdmin(req);
    return setBotSettings(db.kysely, db.engine, actor, req.body);
  });
};
