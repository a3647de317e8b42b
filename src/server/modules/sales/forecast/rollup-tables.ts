// Running totals kept beside deals and orders so the board and the forecast read a few rows instead of scanning:
// open-and-closed deal counts and amounts per stage, and revenue of orders not made by deals per month and owner.
/** Per stage, currency, owner and team ('' for none), so a rep's board sums their own and their team's rows. */
export interface DealStageTotalsTable {
  stageId: string;
  currency: string;
  ownerId: string;
  teamId: string;
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
  dealOwnerStageTotals: DealStageTotalsTable;
  orderMonthTotals: OrderMonthTotalsTable;
}
