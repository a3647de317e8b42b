// Sentiment of timeline items for badges (one request per list), and an agent's correction of a label.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type SentimentKind = 'message' | 'interaction' | 'ticket_event' | 'survey';
export type SentimentLabel = 'positive' | 'neutral' | 'negative';
export type EmotionLabel = 'anger' | 'disappointment' | 'anxiety' | 'joy' | 'gratitude' | 'neutral';
export const sentimentLabels: SentimentLabel[] = ['negative', 'neutral', 'positive'];
export const emotionLabels: EmotionLabel[] = ['anger', 'disappointment', 'anxiety', 'neutral', 'joy', 'gratitude'];

export interface ItemSentiment {
  kind: SentimentKind;
  itemId: string;
  sentiment: SentimentLabel;
  score: number;
  emotion: EmotionLabel;
  confidence: number;
  cues: string[];
  language: string;
  source: 'model' | 'agent';
}

/** The sentiment of many items of one kind, as a map by item id (items without text or out of sight are absent). */
export function useSentiments(kind: SentimentKind, ids: string[]) {
  const key = [...ids].sort().join(',');
  return useQuery({
    queryKey: ['sentiment', kind, key],
    enabled: ids.length > 0,
    staleTime: 30_000,
    queryFn: async () => {
      const map = new Map<string, ItemSentiment>();
      for (let i = 0; i < ids.length; i += 200) {
        const r = await api.get<{ data: ItemSentiment[] }>('/sentiment', { kind, ids: ids.slice(i, i + 200).join(',') });
        for (const s of r.data) map.set(s.itemId, s);
      }
      return map;
    },
  });
}

/** Each conversation's latest customer message with its sentiment, as a map by conversation id (the inbox list). */
export function useConversationSentiments(conversationIds: string[]) {
  const key = [...conversationIds].sort().join(',');
  return useQuery({
    queryKey: ['sentiment', 'message', 'conversations', key],
    enabled: conversationIds.length > 0,
    staleTime: 30_000,
    queryFn: async () => {
      const map = new Map<string, ItemSentiment>();
      for (let i = 0; i < conversationIds.length; i += 200) {
        const r = await api.get<{ data: (ItemSentiment & { conversationId: string })[] }>('/sentiment/conversations', { ids: conversationIds.slice(i, i + 200).join(',') });
        for (const s of r.data) map.set(s.conversationId, s);
      }
      return map;
    },
  });
}

export function useCorrectSentiment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { kind: SentimentKind; itemId: string; sentiment: SentimentLabel; emotion: EmotionLabel }) =>
      api.put<ItemSentiment>(`/sentiment/${v.kind}/${encodeURIComponent(v.itemId)}`, { sentiment: v.sentiment, emotion: v.emotion }),
    onSuccess: (_r, v) => qc.invalidateQueries({ queryKey: ['sentiment', v.kind] }),
  });
}
