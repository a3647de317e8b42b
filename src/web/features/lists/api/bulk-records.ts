// Bulk changes of contacts or companies: start one (answered inline or as a job), follow its job, undo a pending delete.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { LifecycleStage } from '../../../types/api';

export type ListObject = 'contacts' | 'companies';
/** A list's filters as the API takes them (q, ownerId, tag, …), without paging or sort. */
export type ListFilter = Record<string, string | undefined>;

/** Chosen rows by id, or "everything matching" sent as the list's filter (works for any number of rows). */
export type BulkSelection = { ids: string[] } | { filter: ListFilter };

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

/** Drops empty filter values so the server sees only the filters in use. */
export function cleanFilter(filter: ListFilter): Record<string, string> {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Record<string, string>;
}

const clean = (selection: BulkSelection): BulkSelection => ('ids' in selection ? selection : { filter: cleanFilter(selection.filter) });

export function useBulkRecords(object: ListObject) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ selection, action }: { selection: BulkSelection; action: BulkAction }) => api.post<BulkResult>(`/${object}/bulk`, { selection: clean(selection), action }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [object] }),
  });
}

export function useBulkDelete(object: ListObject) {
  return useMutation({ mutationFn: (selection: BulkSelection) => api.post<BulkResult>(`/${object}/bulk-delete`, { selection: clean(selection) }) });
}

export function useCancelBulkJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<BulkJob>(`/jobs/${encodeURIComponent(id)}/cancel`),
    onSuccess: (_job, id) => void qc.invalidateQueries({ queryKey: ['jobs', id] }),
  });
}

/** Polls a bulk job until it ends; the list it changed is refreshed when it does. */
export function useBulkJob(object: ListObject, id: string | null) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: ['jobs', id],
    enabled: Boolean(id),
    queryFn: async ({ signal }) => {
      const job = await api.get<BulkJob>(`/jobs/${encodeURIComponent(id!)}`, undefined, signal);
      if (job.status === 'done' || job.status === 'failed') void qc.invalidateQueries({ queryKey: [object] });
      return job;
    },
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed' || q.state.data.status === 'cancelled') ? false : 1000),
  });
}
