// What the sentiment feature offers other pages: the badge (with its correction popover) and the batched lookup.
export { SentimentBadge } from './components/sentiment-badge';
export { useConversationSentiments, useSentiments, type ItemSentiment, type SentimentKind } from './api/sentiment';
