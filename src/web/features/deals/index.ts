// Sales deals: the pipeline board, the deals table, the deal drawer and the create form.
export { usePipelines } from './api/get-pipelines';
export type { Pipeline, Stage } from './api/deal-types';
