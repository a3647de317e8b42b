// Segments API: the field registry for the rule builder, the list with visible member counts, one segment, the live
// count of unsaved rules, and create / change / delete / snapshot.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type FieldType = 'text' | 'number' | 'date' | 'boolean' | 'select' | 'tags';
export interface SegmentField {
  key: string;
  group: string;
  label: string;
  type: FieldType;
  operators: string[];
  options?: { value: string; label: string }[];
  optionsFrom?: 'users' | 'teams';
}
export interface Condition {
  field: string;
  operator: string;
  value?: unknown;
}
export interface Group {
  combinator: 'and' | 'or';
  children: (Group | Condition)[];
}
export interface RecordCount {
  total: number;
  estimated: boolean;
}
export interface Segment {
  id: string;
  name: string;
  description: string | null;
  kind: 'dynamic' | 'static';
  rules: Group;
  ownerId: string | null;
  ownerName: string | null;
  memberCount: RecordCount;
  evaluatedAt: string | null;
  createdAt: string;
  updatedAt: string;
}
export type SegmentInput = Pick<Segment, 'name' | 'description' | 'kind' | 'rules'>;

export function useSegmentFields() {
  return useQuery({ queryKey: ['segments', 'fields'], queryFn: () => api.get<{ data: SegmentField[] }>('/segments/fields').then((r) => r.data), staleTime: 60_000 });
}

export function useSegments() {
  return useQuery({ queryKey: ['segments', 'list'], queryFn: () => api.get<{ data: Segment[] }>('/segments').then((r) => r.data) });
}

export function useSegment(id: string | undefined) {
  return useQuery({ queryKey: ['segments', 'one', id], enabled: Boolean(id), queryFn: () => api.get<Segment>(`/segments/${id}`) });
}

/** The live count of rules being edited; `rules` null while they are incomplete (nothing is asked). */
export function usePreviewCount(rules: Group | null) {
  return useQuery({
    queryKey: ['segments', 'preview', rules],
    enabled: rules !== null,
    queryFn: () => api.post<RecordCount>('/segments/preview-count', { rules }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useSaveSegment(id: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SegmentInput) => (id ? api.patch<Segment>(`/segments/${id}`, input) : api.post<Segment>('/segments', input)),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['segments'] }),
  });
}

export function useDeleteSegment() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.delete(`/segments/${id}`), onSuccess: () => qc.invalidateQueries({ queryKey: ['segments'] }) });
}

export function useSnapshotSegment() {
  return useMutation({ mutationFn: (id: string) => api.post<{ id: string; memberCount: number }>(`/segments/${id}/snapshot`) });
}
