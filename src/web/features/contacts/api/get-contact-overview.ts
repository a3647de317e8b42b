// The 360° view of one contact.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ContactOverview } from '../../../types/api';

export function useContactOverview(id: string) {
  return useQuery({
    queryKey: ['contacts', 'overview', id],
    queryFn: ({ signal }) => api.get<ContactOverview>(`/contacts/${id}/overview`, undefined, signal),
  });
}
