// Service settings: SLA (business hours, policies), routing rules and agent status; the live SLA timers and the
// routing explanation that the ticket page shows.
export { SlaTimers } from './components/sla-timers';
export { RoutingWhy } from './components/routing-why';
