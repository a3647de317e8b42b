// Knowledge: the articles page and editor, the bot's settings, and article suggestions for the inbox's reply box.
export { BotSettingsSection } from './components/bot-settings-section';
export { ArticleSuggestions } from './components/article-suggestions';
export { TryBot } from './components/try-bot';
export { useArticleSuggestions } from './api/knowledge';
export type { Suggestion, BotAnswer, ArticleLanguage } from './api/knowledge-types';
