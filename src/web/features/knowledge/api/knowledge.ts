// The knowledge base's queries and changes: articles, versions, categories, suggestions, the bot and its settings.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../types/api';
import type { Article, ArticleLanguage, ArticleSummary, ArticleVersion, ArticleVersionSummary, BotAnswer, BotSettings, Category, Suggestion } from './knowledge-types';

export interface ArticleFilters {
  q?: string;
  status?: string;
  language?: string;
  categoryId?: string;
}

export function useArticleList(filters: ArticleFilters) {
  return useInfiniteQuery({
    queryKey: ['knowledge', 'list', filters],
    queryFn: ({ pageParam, signal }) => api.get<Page<ArticleSummary>>('/knowledge/articles', { ...filters, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export const useArticle = (id: string | undefined) =>
  useQuery({ queryKey: ['knowledge', 'article', id], enabled: !!id, queryFn: ({ signal }) => api.get<Article>(`/knowledge/articles/${id}`, undefined, signal) });

export const useVersions = (id: string) =>
  useQuery({ queryKey: ['knowledge', 'article', id, 'versions'], queryFn: ({ signal }) => api.get<{ data: ArticleVersionSummary[] }>(`/knowledge/articles/${id}/versions`, undefined, signal).then((r) => r.data) });

export const useVersion = (id: string, version: number | null) =>
  useQuery({ queryKey: ['knowledge', 'article', id, 'versions', version], enabled: version !== null, queryFn: ({ signal }) => api.get<ArticleVersion>(`/knowledge/articles/${id}/versions/${version}`, undefined, signal) });

export const useCategories = () =>
  useQuery({ queryKey: ['knowledge', 'categories'], queryFn: ({ signal }) => api.get<{ data: Category[] }>('/knowledge/categories', undefined, signal).then((r) => r.data), staleTime: 30_000 });

function useKnowledgeMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['knowledge'] }) });
}

export interface ArticleDraft {
  title: string;
  body: string;
  language: ArticleLanguage;
  categoryId: string | null;
  translationOf?: string;
}

export const useCreateArticle = () => useKnowledgeMutation((input: ArticleDraft) => api.post<Article>('/knowledge/articles', input));
export const useSaveArticle = () =>
  useKnowledgeMutation(({ id, ...patch }: { id: string; title?: string; body?: string; categoryId?: string | null; slug?: string; expectedVersion?: number }) => api.patch<Article>(`/knowledge/articles/${id}`, patch));
export const usePublishArticle = () => useKnowledgeMutation(({ id, publish }: { id: string; publish: boolean }) => api.post<Article>(`/knowledge/articles/${id}/${publish ? 'publish' : 'unpublish'}`));
export const useDeleteArticle = () => useKnowledgeMutation((id: string) => api.delete(`/knowledge/articles/${id}`));
export const useRestoreVersion = () => useKnowledgeMutation(({ id, version }: { id: string; version: number }) => api.post<Article>(`/knowledge/articles/${id}/versions/${version}/restore`));
export const useCreateCategory = () => useKnowledgeMutation((input: { nameEn: string; nameZh: string | null }) => api.post<Category>('/knowledge/categories', input));
export const useDeleteCategory = () => useKnowledgeMutation((id: string) => api.delete(`/knowledge/categories/${id}`));

export const usePreview = () => useMutation({ mutationFn: (body: string) => api.post<{ html: string }>('/knowledge/preview', { body }).then((r) => r.html) });
export const useAskBot = () => useMutation({ mutationFn: (q: { question: string; language: ArticleLanguage }) => api.post<BotAnswer>('/knowledge/answer', q) });

/** Published articles for a customer's message (beside an agent's reply box); nothing is asked for blank text. */
export function useArticleSuggestions(text: string, language?: ArticleLanguage) {
  const trimmed = text.trim().slice(0, 4000);
  return useQuery({
    queryKey: ['knowledge', 'suggestions', trimmed, language],
    enabled: trimmed.length > 0,
    queryFn: ({ signal }) => api.get<{ data: Suggestion[] }>('/knowledge/suggestions', { text: trimmed, language, limit: 5 }, signal).then((r) => r.data),
    staleTime: 60_000,
  });
}

export const useBotSettings = () => useQuery({ queryKey: ['knowledge', 'bot-settings'], queryFn: ({ signal }) => api.get<BotSettings>('/knowledge/bot-settings', undefined, signal) });
export const useSaveBotSettings = () =>
  useKnowledgeMutation((patch: Partial<Omit<BotSettings, 'hasApiKey'>> & { llmApiKey?: string | null }) => api.put<BotSettings>('/knowledge/bot-settings', patch));
