// Change history of a record (anyone who may see it) and the audit log with its chain check (administrators).
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../types/api';

export type ChangeValue = string | number | boolean | string[] | null;
export interface FieldChange { field: string; label: string | null; before: ChangeValue; after: ChangeValue }
export type HistoryEntity = 'contact' | 'company' | 'deal' | 'ticket';

export interface HistoryEntry {
  seq: number;
  at: string;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string;
  changes: FieldChange[];
  /** Set on entries of a related record (a contact's ticket): its label and page. */
  record?: { label: string; path: string } | null;
}

export interface AuditEntry extends HistoryEntry { actorId: string | null; before: unknown; after: unknown }

export interface AuditFilters { actorId?: string; entity?: string; entityId?: string; from?: string; to?: string }

export interface AuditVerification { ok: boolean; checked: number; firstBrokenSeq: number | null; reason: string | null }

export function useRecordHistory(entity: HistoryEntity, id: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['history', entity, id],
    enabled,
    queryFn: ({ pageParam, signal }) => api.get<Page<HistoryEntry>>(`/records/${entity}/${id}/history`, { limit: 20, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam, signal }) => api.get<Page<AuditEntry>>('/audit', { ...filters, limit: 30, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const useVerifyAudit = () => useMutation({ mutationFn: () => api.post<AuditVerification>('/audit/verify') });
