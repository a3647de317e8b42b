// Deals as a table: server-side paging by cursor with the board's filters; one deal with its lines and history.
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../types/api';
import type { Deal, DealDetail, DealFilters } from './deal-types';

export function useDealList(params: DealFilters & { pipelineId?: string; sort?: string }) {
  return useInfiniteQuery({
    queryKey: ['deals', 'list', params],
    enabled: Boolean(params.pipelineId),
    queryFn: ({ pageParam, signal }) => api.get<Page<Deal>>('/deals', { ...params, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useDeal(id: string | null) {
  return useQuery({
    queryKey: ['deals', 'detail', id],
    enabled: Boolean(id),
    queryFn: ({ signal }) => api.get<DealDetail>(`/deals/${id}`, undefined, signal),
  });
}
