// Change a deal: its fields, its contacts with roles, its line items (the server prices them and sums the amount).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { DealDetail, ForecastCategory } from './deal-types';

export interface LineItemInput {
  productId?: string | null;
  name?: string;
  quantity: number;
  /** Minor units; left out, the server takes the product's price in the deal's currency. */
  unitPrice?: number;
}

export interface DealPatch {
  name?: string;
  amount?: number;
  currency?: string;
  expectedCloseDate?: string | null;
  ownerId?: string | null;
  companyId?: string | null;
  forecastCategory?: ForecastCategory;
  contacts?: { contactId: string; role: string | null }[];
  lineItems?: LineItemInput[];
}

/** The line items as they are, to send back unchanged (kept prices) or re-priced (a new currency). */
export function lineItemsOf(d: DealDetail, reprice = false): LineItemInput[] {
  return d.lineItems.map((li) =>
    li.productId
      ? { productId: li.productId, quantity: li.quantity, ...(reprice ? {} : { unitPrice: li.unitPrice }) }
      : { name: li.name, quantity: li.quantity, unitPrice: li.unitPrice },
  );
}

export function useUpdateDeal(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: DealPatch) => api.patch<DealDetail>(`/deals/${id}`, patch),
    onSuccess: (deal) => {
      qc.setQueryData(['deals', 'detail', id], deal);
      void qc.invalidateQueries({ queryKey: ['deals'], predicate: (q) => q.queryKey[1] !== 'detail' });
      void qc.invalidateQueries({ queryKey: ['forecast'] });
    },
  });
}
