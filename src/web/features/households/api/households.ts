// Households: paged list, one household with members and combined value, an admin's corrections, regrouping (a job).
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../types/api';

export interface HouseholdSummary {
  id: string;
  name: string;
  basis: string;
  memberCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface HouseholdMember {
  id: string;
  displayName: string;
  emails: string[];
  phones: string[];
  address: Record<string, unknown> | null;
  origin: string;
}

export interface Household {
  id: string;
  name: string;
  basis: string;
  address: Record<string, unknown> | null;
  members: HouseholdMember[];
  /** Members the user may not see: only their number is given, none of their data (nor in value). */
  hiddenMembers: number;
  value: { members: number; related: Record<string, number> } & Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export interface RegroupJob {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  error: string | null;
}

export function useHouseholds() {
  return useInfiniteQuery({
    queryKey: ['households', 'list'],
    queryFn: ({ pageParam, signal }) => api.get<Page<HouseholdSummary>>('/households', { limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useHousehold(id: string) {
  return useQuery({ queryKey: ['households', 'one', id], queryFn: ({ signal }) => api.get<Household>(`/households/${encodeURIComponent(id)}`, undefined, signal) });
}

function useHouseholdMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['households'] }) });
}

export const useAddMember = (id: string) => useHouseholdMutation((contactId: string) => api.post<Household>(`/households/${encodeURIComponent(id)}/members`, { contactId }));
export const useRemoveMember = (id: string) =>
  useHouseholdMutation((contactId: string) => api.delete<Household>(`/households/${encodeURIComponent(id)}/members/${encodeURIComponent(contactId)}`));
export const useCreateHousehold = () => useHouseholdMutation((input: { name: string; contactIds: string[] }) => api.post<Household>('/households', input));
export const useRegroup = () => useMutation({ mutationFn: () => api.post<RegroupJob>('/households/regroup', {}) });

export function useRegroupJob(id: string | null) {
  return useQuery({
    queryKey: ['jobs', id],
    queryFn: ({ signal }) => api.get<RegroupJob>(`/jobs/${encodeURIComponent(id!)}`, undefined, signal),
    enabled: Boolean(id),
    refetchInterval: (q) => (!q.state.data || q.state.data.status === 'queued' || q.state.data.status === 'running' ? 1000 : false),
  });
}

/** Contacts matching a search, for the member picker (20 at a time). */
export function useContactOptions(q: string) {
  return useQuery({
    queryKey: ['contacts', 'options', q],
    queryFn: ({ signal }) => api.get<Page<{ id: string; displayName: string; emails: string[] }>>('/contacts', { q, limit: 20 }, signal).then((r) => r.data),
    staleTime: 30_000,
  });
}
