// Customer value data: totals and the fitted CLV model, customers by margin, profitability per product, and the 7P
// analysis with the contacts behind a bucket.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface ClvModel {
  status: 'fitted' | 'tooLittleData';
  message: string | null;
  customers: number;
  repeatCustomers: number;
  horizonDays: number;
  fittedAt: string;
}

export interface ValueSummary {
  computedAt: string | null;
  currency: string;
  settings: { costPerTicket: number; horizonDays: number };
  model: ClvModel | null;
  totals: { customers: number; revenue: number; productCost: number; serviceCost: number; margin: number; predictedValue: number };
}

export interface ValueCustomer {
  id: string;
  displayName: string;
  orders: number;
  revenue: number;
  productCost: number;
  tickets: number;
  serviceCost: number;
  margin: number;
  probabilityAlive: number | null;
  predictedValue: number | null;
}

export interface ProductProfit {
  productId: string;
  sku: string;
  nameEn: string;
  nameZh: string | null;
  costKnown: boolean;
  units: number;
  buyers: number;
  revenue: number;
  productCost: number;
  serviceCost: number;
  margin: number;
}

export const sevenPs = ['profiling', 'persistency', 'profitability', 'performance', 'prospecting', 'product', 'promotion'] as const;
export type SevenP = (typeof sevenPs)[number];

export interface SevenPBar {
  key: string;
  label: string | null;
  labelZh: string | null;
  min: number | null;
  max: number | null;
  contacts: number;
  value: number | null;
}

export interface SevenPChart {
  key: SevenP;
  value: 'money' | 'count' | 'none';
  hasData: boolean;
  bars: SevenPBar[];
}

export const useValueSummary = () => useQuery({ queryKey: ['value-summary'], queryFn: ({ signal }) => api.get<ValueSummary>('/intelligence/value', undefined, signal) });

export const useValueCustomers = (sort: 'margin' | 'marginAsc') =>
  useQuery({ queryKey: ['value-customers', sort], queryFn: ({ signal }) => api.get<{ data: ValueCustomer[] }>('/intelligence/value/customers', { sort, limit: 5 }, signal) });

export const useProductProfit = () => useQuery({ queryKey: ['value-products'], queryFn: ({ signal }) => api.get<{ data: ProductProfit[] }>('/intelligence/value/products', undefined, signal) });

export const useSevenP = () => useQuery({ queryKey: ['seven-p'], queryFn: ({ signal }) => api.get<{ data: SevenPChart[] }>('/intelligence/seven-p', undefined, signal) });

export function useSevenPContacts(p: string, bucket: string) {
  return useQuery({
    queryKey: ['seven-p-contacts', p, bucket],
    queryFn: ({ signal }) => api.get<{ data: { id: string; displayName: string; value: number | null }[] }>('/intelligence/seven-p/contacts', { p, bucket }, signal),
    enabled: Boolean(p && bucket),
  });
}
