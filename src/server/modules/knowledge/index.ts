// Knowledge: articles in English and Chinese (categories, drafts, publishing, versions, search), the public help
// centre at /help, article suggestions for agents, and the bot that answers from published articles or hands over.
import type { FastifyPluginAsync } from 'fastify';
import { articleRoutes } from './article-routes.js';
import { botRoutes } from './bot-routes.js';

export { knowledgeMigrations } from './migrations.js';
export { helpRoutes as helpCentreRoutes } from './help-routes.js';
export { suggestArticles, type SuggestOptions } from './suggest-articles.js';
export { answerFromKnowledge, type BotQuestion } from './answer-from-knowledge.js';
export { createArticle, saveArticle } from './article-service.js';
export { publishArticle, unpublishArticle } from './publish-article.js';
export type { BotAnswer, Suggestion, Article, ArticleInput } from './schemas.js';
export type { ArticleLanguage } from './tables.js';

export const knowledgeRoutes: FastifyPluginAsync = async (app) => {
  await app.register(articleRoutes);
  await app.register(botRoutes);
};
