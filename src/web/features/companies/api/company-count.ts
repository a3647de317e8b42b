// How many companies the list's filters match (GET /companies/count): exact, or an estimate flagged when very many.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export function useCompanyCount(params: { q?: string; industry?: string; ownerId?: string; tag?: string }) {
  return useQuery({
    queryKey: ['companies', 'count', params],
    queryFn: ({ signal }) => api.get<{ total: number; estimated: boolean }>('/companies/count', { ...params }, signal),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}
