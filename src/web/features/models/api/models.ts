// Predictive models: definitions with their model card, training as a job, scored contacts with reasons, a contact's
// scores and a person's correction of a contact's label.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const modelKinds = ['churn', 'propensity', 'lead_conversion', 'custom'] as const;
export type ModelKind = (typeof modelKinds)[number];

export interface Reason {
  kind: string;
  params: Record<string, string | number>;
  direction: 'above' | 'below';
  weight: number;
}

export interface FeatureDef {
  key: string;
  source: string;
  field?: { key: string; label: string; type: string };
  value?: string;
}

export interface ModelCard {
  auc: number | null;
  threshold: number;
  precision: number | null;
  recall: number | null;
  baseRate: number;
  rows: number;
  positives: number;
  trainRows: number;
  testRows: number;
  calibration: { from: number; to: number; count: number; predicted: number; observed: number }[];
  roc: { threshold: number; tpr: number; fpr: number }[];
  topFeatures: { def: FeatureDef; weight: number }[];
  verdict: { code: 'ok' | 'insufficient' | 'noSignal'; params: Record<string, number> };
}

export interface ModelConfig {
  churnBy?: 'lifecycle' | 'window';
  windowDays: number;
  label?: { type: 'customField'; key: string } | { type: 'lifecycle'; stage: string };
}

export interface Model {
  id: string;
  name: string;
  kind: ModelKind;
  config: ModelConfig;
  threshold: number;
  status: 'new' | 'training' | 'ready' | 'insufficient' | 'no_signal' | 'failed';
  statusMessage: string | null;
  activeVersion: number | null;
  scoredContacts: number;
  createdAt: string;
  latestVersion: { version: number; status: string; rows: number; positives: number; trainedAt: string; card: ModelCard } | null;
}

export interface ScoredContact {
  contactId: string;
  displayName: string;
  lifecycleStage: string;
  score: number;
  reasons: Reason[];
  scoredAt: string;
}

export interface ContactScore {
  modelId: string;
  name: string;
  kind: ModelKind;
  threshold: number;
  score: number;
  high: boolean;
  reasons: Reason[];
  scoredAt: string;
  correction: { label: boolean; note: string | null; at: string; by: string | null } | null;
}

export interface ModelBody {
  name: string;
  kind: ModelKind;
  threshold: number;
  config: ModelConfig;
}

export function useModels() {
  return useQuery({
    queryKey: ['models'],
    queryFn: ({ signal }) => api.get<{ data: Model[] }>('/intelligence/models', undefined, signal),
    // While a model trains, look again every few seconds.
    refetchInterval: (q) => (q.state.data?.data.some((m) => m.status === 'training') ? 3000 : false),
  });
}

export function useCreateModel() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: ModelBody) => api.post<Model>('/intelligence/models', body), onSuccess: () => qc.invalidateQueries({ queryKey: ['models'] }) });
}

export function useTrainModel() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.post(`/intelligence/models/${id}/train`), onSuccess: () => qc.invalidateQueries({ queryKey: ['models'] }) });
}

export function useDeleteModel() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.delete(`/intelligence/models/${id}`), onSuccess: () => qc.invalidateQueries({ queryKey: ['models'] }) });
}

export function useModelScores(id: string, minScore: number | undefined) {
  return useInfiniteQuery({
    queryKey: ['model-scores', id, minScore],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => api.get<{ data: ScoredContact[]; nextCursor: string | null }>(`/intelligence/models/${id}/scores`, { limit: 20, cursor: pageParam, minScore }, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useContactModelScores(contactId: string) {
  return useQuery({ queryKey: ['contact-model-scores', contactId], queryFn: ({ signal }) => api.get<{ data: ContactScore[] }>(`/contacts/${contactId}/model-scores`, undefined, signal) });
}

export function useCorrectLabel(contactId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { modelId: string; label: boolean }) => api.post(`/intelligence/models/${b.modelId}/corrections`, { contactId, label: b.label }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['contact-model-scores', contactId] }),
  });
}
