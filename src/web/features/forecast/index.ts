// Sales forecast and performance dashboard.
export { ForecastRoute } from './routes/forecast';
