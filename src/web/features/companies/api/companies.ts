// Companies: paged list with search/sort/filters, create/update, and the company overview.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Address, Company, CompanyOverview, CompanySize, CustomFieldValues, Page } from '../../../types/api';

export interface CompanyListParams {
  q?: string;
  industry?: string;
  ownerId?: string;
  tag?: string;
  sort?: string;
}

export interface CompanyInput {
  name?: string;
  domain?: string | null;
  industry?: string | null;
  size?: CompanySize | null;
  annualRevenue?: number | null;
  currency?: string | null;
  address?: Partial<Address> | null;
  ownerId?: string | null;
  tags?: string[];
  customFields?: CustomFieldValues;
}

export function useCompanyList(params: CompanyListParams) {
  return useInfiniteQuery({
    queryKey: ['companies', 'list', params],
    queryFn: ({ pageParam, signal }) => api.get<Page<Company>>('/companies', { ...params, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useCompanyOverview(id: string) {
  return useQuery({
    queryKey: ['companies', 'overview', id],
    queryFn: ({ signal }) => api.get<CompanyOverview>(`/companies/${id}/overview`, undefined, signal),
  });
}

export function useCreateCompany() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CompanyInput) => api.post<Company>('/companies', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['companies'] }),
  });
}

export function useUpdateCompany(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CompanyInput) => api.patch<Company>(`/companies/${id}`, input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['companies'] });
      void qc.invalidateQueries({ queryKey: ['contacts'] });
    },
  });
}

export function useDeleteCompany() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/companies/${id}`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['companies'] });
      void qc.invalidateQueries({ queryKey: ['contacts'] });
    },
  });
}
