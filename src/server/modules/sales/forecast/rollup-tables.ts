// Running totals kept beside deals and orders so the board and the forecast read a few rows instead of scanning:
// open-and-closed deal counts and amounts per stage, and revenue of orders not made by deals per month and owner.
export interface DealStageTotalsTable {
  stageId: string;
  currency: string;
  n: number;
  amount: number;
}

export interface OrderMonthTotalsTable {
  month: string; // YYYY-MM
  currency: string;
  /** '' when the order has no owner (a key column cannot be null on every engine). */
  ownerId: string;
  teamId: string;
  n: number;
  total: number;
}

export interface RollupTables {
  dealStageTotals: DealStageTotalsTable;
  orderMonthTotals: OrderMonthTotalsTable;
}
