// Sales deals: the pipeline board, the deals table, the deal drawer and the create form.
export { usePipelines } from './api/get-pipelines';
export type { Pipeline, Stage } from './api/deal-types';
export { NewDealButton } from './components/new-deal-button';
export { CloseReasonsSettings } from './components/close-reasons-settings';
