// Activities of records related to one (a contact's tickets: opened, status changes, messages), newest first, and
// which of a related record's history entries they already tell (so "Everything" does not say it twice).
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../types/api';
import type { HistoryEntity, HistoryEntry } from './history';

export interface RelatedActivity {
  id: string;
  at: string;
  entity: string;
  entityId: string;
  kind: string;
  actorName: string | null;
  data: Record<string, any>;
  record: { label: string; path: string } | null;
}

export function useRelatedActivities(entity: HistoryEntity, id: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['history', 'activities', entity, id],
    enabled: enabled && !!id,
    queryFn: ({ pageParam, signal }) => api.get<Page<RelatedActivity>>(`/records/${entity}/${id}/activities`, { limit: 20, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Fields of a ticket whose changes its activities already tell (a status change is an activity). */
const TOLD: Record<string, Set<string>> = { ticket: new Set(['status', 'solvedAt', 'closedAt', 'firstRespondedAt']) };

/** A history entry without what activities tell: null when nothing is left (a ticket's creation, a status change). */
export function beyondActivities(entry: HistoryEntry): HistoryEntry | null {
  const told = TOLD[entry.entity];
  if (!told) return entry;
  if (entry.action === 'create') return null;
  if (entry.action !== 'update') return entry;
  const changes = entry.changes.filter((c) => !told.has(c.field));
  return changes.length ? { ...entry, changes } : null;
}
