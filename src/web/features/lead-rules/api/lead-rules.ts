// Lead scoring and lead assignment rules (admin), the re-assignment setting and the on-demand recompute.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type ScoringEvent = 'email_opened' | 'page_visited' | 'form_submitted' | 'meeting_held' | 'call_logged';
export const SCORING_EVENTS: ScoringEvent[] = ['email_opened', 'page_visited', 'form_submitted', 'meeting_held', 'call_logged'];
export const SCORING_FIELDS = ['title', 'industry', 'companySize', 'region', 'city', 'country', 'source', 'lifecycleStage'] as const;
export type ScoringOperator = 'equals' | 'contains' | 'in';

export interface ScoringRule {
  id: string;
  kind: 'attribute' | 'behaviour';
  name: string;
  field: string | null;
  operator: ScoringOperator | null;
  value: string | string[] | null;
  event: ScoringEvent | null;
  points: number;
  halfLifeDays: number | null;
  active: boolean;
}
export type ScoringRuleInput = Partial<Omit<ScoringRule, 'id'>>;

export type AssignmentStrategy = 'round_robin' | 'least_loaded' | 'user';
export const CONDITION_KEYS = ['regions', 'cities', 'countries', 'industries', 'companySizes', 'sources'] as const;
export type ConditionKey = (typeof CONDITION_KEYS)[number];
export interface AssignmentRule {
  id: string;
  name: string;
  position: number;
  conditions: Partial<Record<ConditionKey, string[]>>;
  teamId: string | null;
  teamName: string | null;
  strategy: AssignmentStrategy;
  userId: string | null;
  active: boolean;
}
export type AssignmentRuleInput = Partial<Omit<AssignmentRule, 'id' | 'teamName'>>;

const SCORING = ['lead-scoring', 'rules'];
const ASSIGNMENT = ['lead-assignment', 'rules'];
const SETTINGS = ['lead-assignment', 'settings'];

function useInvalidating<I, O>(key: string[], fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: key }) });
}

export const useScoringRules = () =>
  useQuery({ queryKey: SCORING, queryFn: () => api.get<{ data: ScoringRule[] }>('/lead-scoring/rules').then((r) => r.data) });
export const useSaveScoringRule = () =>
  useInvalidating(SCORING, ({ id, ...input }: ScoringRuleInput & { id?: string }) =>
    id ? api.patch<ScoringRule>(`/lead-scoring/rules/${id}`, input) : api.post<ScoringRule>('/lead-scoring/rules', input),
  );
export const useDeleteScoringRule = () => useInvalidating(SCORING, (id: string) => api.delete(`/lead-scoring/rules/${id}`));
export const useRecomputeScores = () => useMutation({ mutationFn: () => api.post<{ id: string; status: string }>('/lead-scoring/recompute') });

export const useAssignmentRules = () =>
  useQuery({ queryKey: ASSIGNMENT, queryFn: () => api.get<{ data: AssignmentRule[] }>('/lead-assignment/rules').then((r) => r.data) });
export const useSaveAssignmentRule = () =>
  useInvalidating(ASSIGNMENT, ({ id, ...input }: AssignmentRuleInput & { id?: string }) =>
    id ? api.patch<AssignmentRule>(`/lead-assignment/rules/${id}`, input) : api.post<AssignmentRule>('/lead-assignment/rules', input),
  );
export const useDeleteAssignmentRule = () => useInvalidating(ASSIGNMENT, (id: string) => api.delete(`/lead-assignment/rules/${id}`));
/** Every rule's id in the new order, applied by the server in one transaction. */
export const useReorderAssignmentRules = () => useInvalidating(ASSIGNMENT, (ids: string[]) => api.put<{ data: AssignmentRule[] }>('/lead-assignment/rules/order', { ids }));

export const useAssignmentSettings = () =>
  useQuery({ queryKey: SETTINGS, queryFn: () => api.get<{ reassignAfterHours: number }>('/lead-assignment/settings') });
export const useSaveAssignmentSettings = () =>
  useInvalidating(SETTINGS, (input: { reassignAfterHours: number }) => api.put<{ reassignAfterHours: number }>('/lead-assignment/settings', input));
