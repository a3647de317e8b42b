// Company merge: the two companies in full (for choosing each field's value), and the merge request itself.
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Company } from '../../../types/api';
import type { Merge } from './duplicates';

/** The fields a company merge lets the user pick (custom fields and tags are always combined). */
export const companyMergeFields = ['name', 'domain', 'industry', 'size', 'annualRevenue', 'address', 'ownerId'] as const;
export type CompanyMergeField = (typeof companyMergeFields)[number];

export interface CompanyMergeInput {
  survivorId: string;
  mergedIds: string[];
  fields?: Partial<Record<CompanyMergeField, string>>;
  /** The updatedAt of each company as shown: a company changed since makes the server answer 409. */
  expectedUpdatedAt?: Record<string, string>;
}

/** Both companies, fresh each time the dialog opens; not refetched once it closes (a merged one is gone). */
export function useCompaniesToMerge(ids: string[], open: boolean) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: ['companies', 'merge-candidate', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Company>(`/companies/${id}`, undefined, signal),
      enabled: open,
      staleTime: 0,
      gcTime: 0,
    })),
  });
}

export function useMergeCompanies() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: CompanyMergeInput) => api.post<Merge>('/companies/merge', b),
    onSuccess: () => {
      for (const key of ['duplicates', 'companies', 'contacts', 'deals', 'orders']) qc.invalidateQueries({ queryKey: [key], refetchType: 'active' });
    },
  });
}
