// Quotas per rep and per team by month: read for a range, set for one or more months (managers, admins).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface Quota {
  userId: string | null;
  teamId: string | null;
  month: string;
  amount: number;
  currency: string;
}

export interface QuotaInput {
  userId?: string;
  teamId?: string;
  amount: number;
  currency: string;
  months: string[];
}

/** Every month from `from` to `to` (YYYY-MM, inclusive). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  while (`${y}-${String(m).padStart(2, '0')}` <= to && out.length < 120) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

export function useQuotas(from: string, to: string, enabled: boolean) {
  return useQuery({
    queryKey: ['forecast', 'quotas', from, to],
    enabled,
    queryFn: () => api.get<{ data: Quota[] }>('/quotas', { from, to }).then((r) => r.data),
  });
}

/** The API takes one month at a time; a period is set month by month. */
export function useSetQuota() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ months, ...q }: QuotaInput) => {
      for (const month of months) await api.put<Quota>('/quotas', { ...q, month });
    },
    onSettled: () => qc.invalidateQueries({ queryKey: ['forecast'] }),
  });
}
