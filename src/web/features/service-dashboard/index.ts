// Service dashboard: open tickets, SLA, response and resolution times, backlog, CSAT/NPS, channel mix.
export { ServiceDashboardRoute } from './routes/service-dashboard';
