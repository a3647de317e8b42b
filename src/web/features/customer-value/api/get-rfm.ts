// RFM data: the recency × frequency grid and segments of the contacts you may see, and the contacts of a cell or segment.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const rfmSegments = ['champions', 'loyal', 'potentialLoyalists', 'new', 'atRisk', 'cantLose', 'hibernating', 'lost'] as const;
export type RfmSegment = (typeof rfmSegments)[number];

export interface RfmOverview {
  computedAt: string | null;
  grid: { r: number; f: number; contacts: number }[];
  segments: { key: RfmSegment; name: string; nameZh: string; contacts: number; monetary: number; averageRecencyDays: number; averageOrders: number }[];
}

export interface RfmContact {
  id: string;
  displayName: string;
  r: number;
  f: number;
  m: number;
  segment: RfmSegment;
  recencyDays: number;
  orders: number;
  monetary: number;
  lastOrderAt: string;
}

export function useRfm() {
  return useQuery({ queryKey: ['rfm'], queryFn: ({ signal }) => api.get<RfmOverview>('/intelligence/rfm', undefined, signal) });
}

export function useRfmContacts(filter: { r?: number; f?: number; segment?: string } | null) {
  return useQuery({
    queryKey: ['rfm-contacts', filter],
    queryFn: ({ signal }) => api.get<{ data: RfmContact[] }>('/intelligence/rfm/contacts', filter ?? undefined, signal),
    enabled: filter !== null,
  });
}
