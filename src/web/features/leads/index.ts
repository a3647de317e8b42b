// Sales leads: the leads list with scores and assignment explanations.
export { LeadsRoute } from './routes/leads';
