// Active products for deal line items (the first 100 by SKU; enough for a picker).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../types/api';

export interface Product {
  id: string;
  sku: string;
  nameEn: string;
  nameZh: string | null;
  price: number;
  currency: string;
  active: boolean;
  prices: { currency: string; price: number }[];
}

/** What the server will charge for a product in a currency: its price book entry, else its list price in that currency. */
export function priceIn(p: Product, currency: string): number | null {
  return p.prices.find((x) => x.currency === currency)?.price ?? (p.currency === currency ? p.price : null);
}

export function useProducts(enabled: boolean) {
  return useQuery({
    queryKey: ['products', 'picker'],
    enabled,
    queryFn: ({ signal }) => api.get<Page<Product>>('/products', { limit: 100 }, signal).then((r) => r.data.filter((p) => p.active)),
    staleTime: 60_000,
  });
}

/** Active products matching a search (SKU or either name), 20 at a time, for the line-item picker. */
export function useProductSearch(q: string) {
  return useQuery({
    queryKey: ['products', 'search', q],
    queryFn: () => api.get<Page<Product>>('/products', { q, active: 'true', limit: 20 }).then((r) => r.data),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
