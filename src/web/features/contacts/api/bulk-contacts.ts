// Bulk changes of contacts: start one (answered inline or as a job), follow its job, undo a pending delete.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { LifecycleStage } from '../../../types/api';
import type { ContactListParams } from './get-contacts';

/** Chosen rows by id, or "everything matching" sent as the list's filter (works for any number of rows). */
export type BulkSelection = { ids: string[] } | { filter: Omit<ContactListParams, 'sort'> };

export type BulkAction =
  | { type: 'assignOwner'; ownerId: string | null }
  | { type: 'addTag'; tag: string }
  | { type: 'removeTag'; tag: string }
  | { type: 'setLifecycleStage'; lifecycleStage: LifecycleStage };

export interface BulkCounts {
  matched: number;
  changed: number;
  skipped: number;
}

export type BulkResult = ({ mode: 'inline' } & BulkCounts) | { mode: 'job'; jobId: string; runAt: string };

export interface BulkJob {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  progress: Partial<BulkCounts> & { total?: number | null };
  result: (BulkCounts & { cancelled?: boolean }) | null;
  error: string | null;
}

/** Drops undefined filter values so the server sees only the filters in use. */
function clean(selection: BulkSelection): BulkSelection {
  if ('ids' in selection) return selection;
  return { filter: Object.fromEntries(Object.entries(selection.filter).filter(([, v]) => v !== undefined && v !== null && v !== '')) };
}

export function useBulkContacts() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ selection, action }: { selection: BulkSelection; action: BulkAction }) => api.post<BulkResult>('/contacts/bulk', { selection: clean(selection), action }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['contacts'] }),
  });
}

export function useBulkDelete() {
  return useMutation({ mutationFn: (selection: BulkSelection) => api.post<BulkResult>('/contacts/bulk-delete', { selection: clean(selection) }) });
}

export function useCancelBulkJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<BulkJob>(`/jobs/${encodeURIComponent(id)}/cancel`),
    onSuccess: (_job, id) => void qc.invalidateQueries({ queryKey: ['jobs', id] }),
  });
}

/** Polls a bulk job until it ends; the contact lists are refreshed when it does. */
export function useBulkJob(id: string | null) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: ['jobs', id],
    enabled: Boolean(id),
    queryFn: async ({ signal }) => {
      const job = await api.get<BulkJob>(`/jobs/${encodeURIComponent(id!)}`, undefined, signal);
      if (job.status === 'done' || job.status === 'failed') void qc.invalidateQueries({ queryKey: ['contacts'] });
      return job;
    },
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed' || q.state.data.status === 'cancelled') ? false : 1000),
  });
}

/** How many contacts the filter matches (GET /contacts/count: exact, or an estimate on very large lists); null if unknown. */
export function useMatchingCount(filter: Omit<ContactListParams, 'sort'>, enabled: boolean) {
  const params = (clean({ filter }) as { filter: Record<string, string> }).filter;
  return useQuery({
    queryKey: ['contacts', 'count', params],
    enabled,
    retry: false,
    queryFn: ({ signal }) => api.get<{ total: number; estimated: boolean }>('/contacts/count', params, signal).catch(() => null),
  });
}
