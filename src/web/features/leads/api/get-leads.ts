// Leads list (cursor paging, owner/status filters, score sort) and one lead's score breakdown.
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../types/api';
import type { AssignmentStep } from '../../../lib/assignment-steps';

export type LeadStatus = 'new' | 'working' | 'converted' | 'disqualified';
export const LEAD_STATUSES: LeadStatus[] = ['new', 'working', 'converted', 'disqualified'];

export interface Lead {
  contactId: string;
  displayName: string;
  email: string | null;
  title: string | null;
  companyName: string | null;
  ownerName: string | null;
  status: LeadStatus;
  source: string | null;
  assignment: { status: string; explanation: string | null; steps: AssignmentStep[] | null; assignedAt: string | null } | null;
  score: number | null;
  createdAt: string;
}

export interface ScoreBreakdown {
  value: number;
  ruleScore: number;
  /** The lead-conversion model's chance (0–100) that the lead is won; null until such a model scores it. */
  predictive: number | null;
  breakdown: { ruleId: string; name: string; kind: string; points: number; count: number; detail: string; params?: Record<string, string | number> }[];
  computedAt: string;
}

export interface LeadParams {
  q?: string;
  owner?: string;
  status?: string;
  sort?: string;
}

export function useLeadList(params: LeadParams) {
  return useInfiniteQuery({
    queryKey: ['leads', 'list', params],
    queryFn: ({ pageParam, signal }) => api.get<Page<Lead>>('/leads', { ...params, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useLeadScoring(contactId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['leads', 'detail', contactId],
    enabled,
    queryFn: ({ signal }) => api.get<Lead & { scoring: ScoreBreakdown | null }>(`/leads/${contactId}`, undefined, signal).then((r) => r.scoring),
  });
}
