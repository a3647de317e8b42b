// The pipelines with their ordered stages (the board's picker and the create form use them).
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Pipeline } from './deal-types';

export function usePipelines() {
  return useQuery({
    queryKey: ['pipelines'],
    queryFn: ({ signal }) => api.get<{ data: Pipeline[] }>('/pipelines', undefined, signal).then((r) => r.data),
    staleTime: 60_000,
  });
}
