// The product catalogue: the paged list with filters, the categories in use, and create / change / delete.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../types/api';

export interface PriceBookEntry {
  currency: string;
  price: number;
}

export interface Product {
  id: string;
  sku: string;
  nameEn: string;
  nameZh: string | null;
  category: string | null;
  price: number;
  cost: number | null;
  currency: string;
  active: boolean;
  prices: PriceBookEntry[];
  createdAt: string;
  updatedAt: string;
}

/** What a create sends: the product without what the server assigns. */
export type ProductInput = Omit<Product, 'id' | 'createdAt' | 'updatedAt'>;

export interface ProductFilters {
  q?: string;
  category?: string;
  active?: string;
}

export function useProductList(filters: ProductFilters) {
  return useInfiniteQuery({
    queryKey: ['products', 'list', filters],
    queryFn: ({ pageParam, signal }) => api.get<Page<Product>>('/products', { ...filters, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useProductCategories() {
  return useQuery({
    queryKey: ['products', 'categories'],
    queryFn: ({ signal }) => api.get<{ data: string[] }>('/products/categories', undefined, signal).then((r) => r.data),
    staleTime: 30_000,
  });
}

function useProductMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['products'] }) });
}

export const useCreateProduct = () => useProductMutation((input: ProductInput) => api.post<Product>('/products', input));
export const useUpdateProduct = () =>
  useProductMutation(({ id, ...patch }: Partial<ProductInput> & { id: string }) => api.patch<Product>(`/products/${id}`, patch));
export const useDeleteProduct = () => useProductMutation((id: string) => api.delete(`/products/${id}`));
