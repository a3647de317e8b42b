// The sales API's shapes for pipelines, the board and deals (see /api/v1/openapi.json).
export type StageKind = 'open' | 'won' | 'lost';
export type DealStatus = 'open' | 'won' | 'lost';
export type ForecastCategory = 'pipeline' | 'best_case' | 'commit' | 'omitted';
export const FORECAST_CATEGORIES: ForecastCategory[] = ['pipeline', 'best_case', 'commit', 'omitted'];

export interface Stage {
  id: string;
  name: string;
  position: number;
  probability: number;
  kind: StageKind;
}

export interface Pipeline {
  id: string;
  name: string;
  isDefault: boolean;
  position: number;
  stages: Stage[];
}

export interface DealCard {
  id: string;
  name: string;
  amount: number;
  currency: string;
  expectedCloseDate: string | null;
  closedAt: string | null;
  ownerId: string | null;
  ownerName: string | null;
  companyId: string | null;
  companyName: string | null;
  status: DealStatus;
  forecastCategory: ForecastCategory;
  position: number;
  stageEnteredAt: string;
}

export interface StageTotal {
  currency: string;
  count: number;
  amount: number;
  weightedAmount: number;
}

export interface BoardColumn {
  stage: Stage;
  count: number;
  totals: StageTotal[];
  deals: DealCard[];
  nextCursor: string | null;
}

export interface Board {
  pipeline: Omit<Pipeline, 'stages'>;
  columns: BoardColumn[];
}

export interface Deal extends DealCard {
  pipelineId: string;
  stageId: string;
  stageName: string;
  probability: number;
  weightedAmount: number;
  teamId: string | null;
  closeReason: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DealDetail extends Deal {
  contacts: { contactId: string; displayName: string; role: string | null }[];
  /** `nameZh`: the product's Chinese name while the line still carries the product's own (English) name. */
  lineItems: { id: string; productId: string | null; name: string; nameZh: string | null; quantity: number; unitPrice: number; amount: number }[];
  stageHistory: { stageId: string; stageName: string; enteredAt: string; leftAt: string | null; secondsInStage: number; actorId: string | null }[];
  orderIds: string[];
}

export interface DealFilters {
  ownerId?: string;
  closeMonth?: string;
}
