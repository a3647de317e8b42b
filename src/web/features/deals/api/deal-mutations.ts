// Create a deal, and move one between stages with an optimistic board update that rolls back on failure.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Board, Deal, ForecastCategory, Stage } from './deal-types';

export interface DealInput {
  name: string;
  pipelineId?: string;
  stageId?: string;
  amount?: number;
  currency?: string;
  expectedCloseDate?: string | null;
  companyId?: string | null;
  forecastCategory?: ForecastCategory;
  lineItems?: { productId: string; quantity: number }[];
  ownerId?: string | null;
  contacts?: { contactId: string; role: string | null }[];
}

export function useCreateDeal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: DealInput) => api.post<Deal>('/deals', input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['deals'] });
      // The deals sections of the contact's and company's 360° pages.
      void qc.invalidateQueries({ queryKey: ['contacts', 'overview'] });
      void qc.invalidateQueries({ queryKey: ['companies', 'overview'] });
    },
  });
}

export interface MoveInput {
  dealId: string;
  fromStageId: string;
  to: Stage;
  position: number;
  reason?: string;
  createOrder?: boolean;
}

/** Moves a card in the cached board right away; the server's answer (or a refetch) settles it. */
function moveInBoard(board: Board, m: MoveInput): Board {
  const from = board.columns.find((c) => c.stage.id === m.fromStageId);
  const card = from?.deals.find((d) => d.id === m.dealId);
  if (!from || !card) return board;
  const adjust = (totals: Board['columns'][number]['totals'], sign: 1 | -1, probability: number) => {
    const row = totals.find((x) => x.currency === card.currency);
    const delta = { count: sign, amount: sign * card.amount, weightedAmount: Math.round((sign * card.amount * probability) / 100) };
    if (!row) return sign > 0 ? [...totals, { currency: card.currency, ...delta }] : totals;
    return totals
      .map((x) => (x === row ? { ...x, count: x.count + delta.count, amount: x.amount + delta.amount, weightedAmount: x.weightedAmount + delta.weightedAmount } : x))
      .filter((x) => x.count > 0);
  };
  const status = m.to.kind;
  return {
    ...board,
    columns: board.columns.map((c) => {
      if (c.stage.id === m.fromStageId && c.stage.id === m.to.id) return c;
      if (c.stage.id === m.fromStageId) {
        return { ...c, count: c.count - 1, totals: adjust(c.totals, -1, c.stage.probability), deals: c.deals.filter((d) => d.id !== m.dealId) };
      }
      if (c.stage.id === m.to.id) {
        const deals = [...c.deals];
        deals.splice(Math.min(m.position, deals.length), 0, { ...card, status, stageEnteredAt: new Date().toISOString() });
        return { ...c, count: c.count + 1, totals: adjust(c.totals, 1, c.stage.probability), deals };
      }
      return c;
    }),
  };
}

export function useMoveDeal(boardKey: readonly unknown[]) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (m: MoveInput) =>
      api.post<Deal>(`/deals/${m.dealId}/move`, {
        stageId: m.to.id,
        position: m.position,
        ...(m.reason ? { reason: m.reason } : {}),
        ...(m.createOrder !== undefined && m.to.kind === 'won' ? { createOrder: m.createOrder } : {}),
      }),
    onMutate: async (m) => {
      await qc.cancelQueries({ queryKey: boardKey });
      const previous = qc.getQueryData<Board>(boardKey);
      if (previous) qc.setQueryData<Board>(boardKey, moveInBoard(previous, m));
      return { previous };
    },
    onError: (_err, _m, ctx) => {
      if (ctx?.previous) qc.setQueryData(boardKey, ctx.previous);
    },
    onSettled: (_d, _e, m) => {
      void qc.invalidateQueries({ queryKey: ['deals'] });
      void qc.invalidateQueries({ queryKey: ['forecast'] });
      if (m.to.kind === 'won') void qc.invalidateQueries({ queryKey: ['contacts'] });
    },
  });
}
