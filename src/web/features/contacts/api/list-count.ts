// How many contacts the list's filters match (GET /contacts/count): exact, or an estimate flagged when very many.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ContactListParams } from './get-contacts';

export interface RecordCount {
  total: number;
  estimated: boolean;
}

export function useContactCount(params: Omit<ContactListParams, 'sort'>) {
  return useQuery({
    queryKey: ['contacts', 'count', params],
    queryFn: ({ signal }) => api.get<RecordCount>('/contacts/count', { ...params }, signal),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}
