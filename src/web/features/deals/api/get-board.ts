// The kanban board of one pipeline: a column per stage with totals and the first deals by position.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Board, DealFilters } from './deal-types';

export const boardKey = (pipelineId: string, filters: DealFilters) => ['deals', 'board', pipelineId, filters] as const;

/** The next deals of one column (the board answers with that column alone). */
export function fetchColumnPage(pipelineId: string, filters: DealFilters, stageId: string, cursor: string): Promise<Board> {
  return api.get<Board>(`/pipelines/${pipelineId}/board`, { ...filters, stageId, cursor, limit: 30 });
}

export function useBoard(pipelineId: string | undefined, filters: DealFilters) {
  return useQuery({
    queryKey: boardKey(pipelineId ?? '', filters),
    enabled: Boolean(pipelineId),
    queryFn: ({ signal }) => api.get<Board>(`/pipelines/${pipelineId}/board`, { ...filters, limit: 30 }, signal),
    placeholderData: keepPreviousData,
  });
}
