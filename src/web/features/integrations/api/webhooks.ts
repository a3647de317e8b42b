// Webhooks (admin): subscriptions, the event types the server knows, and each subscription's delivery log.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface Webhook {
  id: string;
  url: string;
  events: string[];
  secret: string;
  active: boolean;
  /** Also hears the per-record events of bulk operations, for the types named in `events`. */
  includeBulk: boolean;
  createdAt: string;
}

export interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

export function useWebhooks() {
  return useQuery({
    queryKey: ['webhooks', 'list'],
    queryFn: ({ signal }) => api.get<{ data: Webhook[] }>('/webhooks', undefined, signal).then((r) => r.data),
  });
}

export function useWebhookEventTypes() {
  return useQuery({
    queryKey: ['webhooks', 'event-types'],
    queryFn: ({ signal }) => api.get<{ data: string[] }>('/webhooks/event-types', undefined, signal).then((r) => r.data),
    staleTime: Infinity,
  });
}

export function useDeliveries(webhookId: string | null) {
  return useInfiniteQuery({
    queryKey: ['webhooks', 'deliveries', webhookId],
    queryFn: ({ pageParam, signal }) =>
      api.get<{ data: Delivery[]; nextCursor: string | null }>(`/webhooks/${encodeURIComponent(webhookId!)}/deliveries`, { limit: 20, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(webhookId),
    // Pending deliveries change on their own (the worker sends and retries them).
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.data.some((d) => d.status === 'pending')) ? 3000 : false),
  });
}

function useWebhookMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['webhooks'] }) });
}

export const useCreateWebhook = () => useWebhookMutation((input: { url: string; events: string[]; includeBulk?: boolean }) => api.post<Webhook>('/webhooks', input));
export const useUpdateWebhook = () =>
  useWebhookMutation(({ id, ...patch }: { id: string; active?: boolean; events?: string[] }) => api.patch<Webhook>(`/webhooks/${encodeURIComponent(id)}`, patch));
export const useDeleteWebhook = () => useWebhookMutation((id: string) => api.delete(`/webhooks/${encodeURIComponent(id)}`));
export const useRetryDelivery = () => useWebhookMutation((id: string) => api.post(`/webhooks/deliveries/${encodeURIComponent(id)}/retry`));
