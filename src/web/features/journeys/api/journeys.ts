// Journeys API: the list, one journey, create / change / delete, activate / pause, manual enrolment, its enrolments
// and its analytics (per-status and per-step counts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Group } from '../../segments';

export type Trigger =
  | { kind: 'segment'; segmentId: string }
  | { kind: 'event'; eventType: string; filter?: Record<string, string> }
  | { kind: 'date'; field: string; offsetDays: number; annual: boolean }
  | { kind: 'manual' };

export type StepKind = 'wait' | 'branch' | 'email' | 'task' | 'assign_owner' | 'update_field' | 'tag' | 'webhook' | 'end';
export interface Step {
  id: string;
  kind: StepKind;
  [key: string]: unknown;
}
export interface BranchStep extends Step {
  kind: 'branch';
  condition: { type: 'rules'; rules: Group } | { type: 'engagement'; event: 'opened' | 'clicked' };
  yes: Step[];
  no: Step[];
}

export interface Journey {
  id: string;
  name: string;
  description: string | null;
  status: 'draft' | 'active' | 'paused';
  trigger: Trigger;
  steps: Step[];
  goal: Group | null;
  reentry: 'never' | 'after' | 'always';
  reentryDays: number | null;
  webhookSecret: string | null;
  createdAt: string;
  updatedAt: string;
  activatedAt: string | null;
}
export type JourneyInput = Pick<Journey, 'name' | 'description' | 'trigger' | 'steps' | 'goal' | 'reentry' | 'reentryDays'>;

export interface StepStats {
  stepId: string;
  kind: StepKind;
  path: string;
  depth: number;
  current: number;
  done: number;
  skipped: number;
  failed: number;
  yes: number;
  no: number;
}
export interface Analytics {
  enrolled: number;
  active: number;
  completed: number;
  goal: number;
  exited: number;
  conversion: number | null;
  steps: StepStats[];
}
export interface Enrolment {
  id: string;
  contactId: string;
  contactName: string;
  status: 'active' | 'completed' | 'goal' | 'exited';
  stepId: string | null;
  nextRunAt: string | null;
  exitReason: string | null;
  enteredAt: string;
  finishedAt: string | null;
}

export function useJourneys() {
  return useQuery({ queryKey: ['journeys', 'list'], queryFn: () => api.get<{ data: Journey[] }>('/journeys').then((r) => r.data) });
}

export function useJourney(id: string | undefined) {
  return useQuery({ queryKey: ['journeys', 'one', id], enabled: Boolean(id), queryFn: () => api.get<Journey>(`/journeys/${id}`) });
}

export function useJourneyAnalytics(id: string | undefined) {
  return useQuery({ queryKey: ['journeys', 'analytics', id], enabled: Boolean(id), queryFn: () => api.get<Analytics>(`/journeys/${id}/analytics`), refetchInterval: 10_000 });
}

export function useJourneyEnrolments(id: string | undefined) {
  return useQuery({ queryKey: ['journeys', 'enrolments', id], enabled: Boolean(id), queryFn: () => api.get<{ data: Enrolment[]; nextCursor: string | null }>(`/journeys/${id}/enrolments?limit=50`), refetchInterval: 10_000 });
}

export function useSaveJourney(id: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: JourneyInput) => (id ? api.patch<Journey>(`/journeys/${id}`, input) : api.post<Journey>('/journeys', input)),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['journeys'] }),
  });
}

export function useJourneyStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'activate' | 'pause' }) => api.post<Journey>(`/journeys/${id}/${action}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['journeys'] }),
  });
}

export function useDeleteJourney() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.delete(`/journeys/${id}`), onSuccess: () => qc.invalidateQueries({ queryKey: ['journeys'] }) });
}

export function useEnrolSegment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, segmentId }: { id: string; segmentId: string }) => api.post<{ enrolled: number; skipped: number }>(`/journeys/${id}/enrolments`, { segmentId }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['journeys'] }),
  });
}
