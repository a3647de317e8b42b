// Contact choices for the deal's contact picker, searched on the server (20 at a time).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Contact, Page } from '../../../types/api';

export function useContactOptions(q: string) {
  return useQuery({
    queryKey: ['contacts', 'options', q],
    queryFn: () => api.get<Page<Contact>>('/contacts', { q, limit: 20 }).then((r) => r.data),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
