// How many records a list's filters match (GET /contacts/count, /companies/count): exact, or an estimate flagged when
// very many. The list header and the bulk bar's "select all N matching" share this one query.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { cleanFilter, type ListFilter, type ListObject } from './bulk-records';

export interface RecordCount {
  total: number;
  estimated: boolean;
}

export function useRecordCount(object: ListObject, filter: ListFilter, enabled = true) {
  const params = cleanFilter(filter);
  return useQuery({
    queryKey: [object, 'count', params],
    enabled,
    queryFn: ({ signal }) => api.get<RecordCount>(`/${object}/count`, params, signal),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}
