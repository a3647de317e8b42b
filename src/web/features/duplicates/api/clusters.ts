// Duplicate groups: open contact pairs joined transitively (A~B and B~C make one group), best first.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { DuplicatePair } from './duplicates';

export interface ClusterContact {
  id: string;
  displayName: string;
  emails: string[];
  phones: string[];
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

/**
 * The groups' company names, which the clusters endpoint leaves out: taken from the open pairs (which carry them),
 * best-effort — a contact whose pairs are beyond the first 500 shows none.
 */
export function useClusterCompanies(enabled: boolean) {
  return useQuery({
    queryKey: ['duplicates', 'list', 'contact', 'companies'],
    queryFn: async ({ signal }) => {
      const res = await api.get<{ data: DuplicatePair[] }>('/duplicates', { entity: 'contact', status: 'open', limit: 500 }, signal);
      const names = new Map<string, string>();
      for (const p of res.data) for (const r of [p.a, p.b]) if (r?.companyName) names.set(r.id, r.companyName);
      return names;
    },
    enabled,
  });
}
