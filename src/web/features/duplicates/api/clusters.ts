// Duplicate groups: open contact pairs joined transitively (A~B and B~C make one group), best first.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface ClusterContact {
  id: string;
  displayName: string;
  emails: string[];
  phones: string[];
  companyName: string | null;
  updatedAt: string;
}

export interface Cluster {
  contacts: ClusterContact[];
  pairIds: string[];
  maxScore: number;
  minScore: number;
}

/** The most contacts one merge takes: a survivor and up to 20 merged into it. */
export const MAX_MERGE = 21;

export function useClusters(enabled: boolean) {
  return useQuery({
    queryKey: ['duplicates', 'clusters'],
    queryFn: ({ signal }) => api.get<{ data: Cluster[]; clusters: number }>('/duplicates/clusters', { limit: 50 }, signal),
    enabled,
  });
}
