// Forecast per month or quarter and performance per rep or team (see README "Forecast" and "Performance").
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface ForecastRow {
  period: string;
  pipeline: number;
  weighted: number;
  commit: number;
  bestCase: number;
  historical: number;
  wonDeals: number;
  orderRevenue: number;
  closed: number;
  quota: number | null;
  attainment: number | null;
}

export interface Forecast {
  currency: string;
  period: 'month' | 'quarter';
  rows: ForecastRow[];
}

export interface Conversion {
  fromStage: string;
  toStage: string;
  entered: number;
  advanced: number;
  rate: number;
}

export interface PerformanceRow {
  key: string;
  name: string;
  activities: number;
  leadsContacted: number;
  dealsCreated: number;
  won: number;
  lost: number;
  winRate: number | null;
  averageDealSize: number | null;
  salesCycleDays: number | null;
  revenue: number;
  conversions: Conversion[];
}

export interface Performance {
  currency: string;
  rows: PerformanceRow[];
}

export interface ForecastParams {
  from: string;
  to: string;
  period: string;
  pipelineId?: string;
}

export function useForecast(p: ForecastParams) {
  return useQuery({
    queryKey: ['forecast', p],
    queryFn: ({ signal }) => api.get<Forecast>('/forecast', { ...p }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Performance takes days; the month range [from, to] becomes [first day of from, first day after to). */
export function usePerformance(p: ForecastParams & { groupBy: string }) {
  const [y, m] = p.to.split('-').map(Number) as [number, number];
  const end = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return useQuery({
    queryKey: ['forecast', 'performance', p],
    queryFn: ({ signal }) =>
      api.get<Performance>('/performance', { from: `${p.from}-01`, to: end, groupBy: p.groupBy, pipelineId: p.pipelineId }, signal),
    placeholderData: keepPreviousData,
  });
}
