// Tables of pipelines and deals: pipelines, their ordered stages, deals, deal contacts with roles, line items, stage history.
export type StageKind = 'open' | 'won' | 'lost';
export type DealStatus = 'open' | 'won' | 'lost';
export const forecastCategories = ['pipeline', 'best_case', 'commit', 'omitted'] as const;
export type ForecastCategory = (typeof forecastCategories)[number];

export interface PipelinesTable {
  id: string;
  name: string;
  isDefault: number;
  position: number;
  createdAt: string;
  updatedAt: string;
}

export interface PipelineStagesTable {
  id: string;
  pipelineId: string;
  name: string;
  position: number;
  /** Win probability in percent (0–100). */
  probability: number;
  kind: StageKind;
}

export interface DealsTable {
  id: string;
  pipelineId: string;
  stageId: string;
  name: string;
  amount: number; // integer minor units
  currency: string;
  expectedCloseDate: string | null; // YYYY-MM-DD
  ownerId: string | null;
  teamId: string | null;
  companyId: string | null;
  status: DealStatus;
  forecastCategory: ForecastCategory;
  /** Order inside its board column (fractional, so a move rewrites one row). */
  position: number;
  stageEnteredAt: string;
  closeReason: string | null;
  closedAt: string | null;
  /** Whole days from creation to close, set when the deal is won or lost (for cycle-time averages in SQL). */
  cycleDays: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface DealContactsTable {
  id: string;
  dealId: string;
  contactId: string;
  role: string | null;
}

export interface DealLineItemsTable {
  id: string;
  dealId: string;
  productId: string | null;
  name: string;
  quantity: number;
  unitPrice: number;
  amount: number;
  position: number;
}

export interface DealStageHistoryTable {
  id: string;
  dealId: string;
  stageId: string;
  enteredAt: string;
  leftAt: string | null;
  actorId: string | null;
}

/** Won and lost reasons admins offer in the close-reason list (the deal keeps the chosen text). */
export interface DealCloseReasonsTable {
  id: string;
  kind: 'won' | 'lost';
  label: string;
  position: number;
  createdAt: string;
  updatedAt: string;
}

export interface DealTables {
  dealCloseReasons: DealCloseReasonsTable;
  pipelines: PipelinesTable;
  pipelineStages: PipelineStagesTable;
  deals: DealsTable;
  dealContacts: DealContactsTable;
  dealLineItems: DealLineItemsTable;
  dealStageHistory: DealStageHistoryTable;
}
