// Alerts and next best action: the alerts page, and the decisions on an alert for the Today card.
export { AlertsRoute } from './routes/alerts';
export { AlertItemActions } from './components/alert-actions';
