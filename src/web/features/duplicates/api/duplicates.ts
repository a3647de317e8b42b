// Duplicate pairs: list (contacts or companies), run detection (a background job), dismiss, and undo a merge
// (merging: contact-merge.ts, company-merge.ts; groups of contacts: clusters.ts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface DupRecord {
  id: string;
  displayName: string;
  emails: string[];
  phones: string[];
  companyName: string | null;
  /** Companies only: their website domain. */
  domain?: string | null;
  updatedAt: string;
}

export type DupEntity = 'contact' | 'company';

export interface DuplicatePair {
  id: string;
  entity: DupEntity;
  score: number;
  status: 'open' | 'dismissed' | 'merged';
  reasons: { field: string; kind: string; detail: string; weight: number; params?: Record<string, string | number | boolean> }[];
  detectedAt: string;
  a: DupRecord | null;
  b: DupRecord | null;
}

export interface Job {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  error: string | null;
}

export interface Merge {
  id: string;
  entity: DupEntity;
  survivorId: string;
  mergedIds: string[];
  undoneAt: string | null;
}

export function useDuplicates(entity: DupEntity, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['duplicates', 'list', entity],
    queryFn: ({ signal }) => api.get<{ data: DuplicatePair[] }>('/duplicates', { entity, status: 'open' }, signal),
  });
}

export function useJob(id: string | null) {
  return useQuery({
    queryKey: ['jobs', id],
    queryFn: ({ signal }) => api.get<Job>(`/jobs/${id}`, undefined, signal),
    enabled: Boolean(id),
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'queued' || q.state.data.status === 'running') ? 1000 : false),
  });
}

export function useDetect() {
  return useMutation({ mutationFn: () => api.post<Job>('/duplicates/detect', {}) });
}

export function useDismiss() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post(`/duplicates/${id}/dismiss`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['duplicates'] }),
  });
}

export function useUndoMerge() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Merge>(`/merges/${id}/undo`),
    onSuccess: () => {
      for (const key of ['duplicates', 'contacts', 'companies', 'deals', 'orders']) qc.invalidateQueries({ queryKey: [key] });
    },
  });
}
