// Journeys (automation): triggers enrol contacts, durable per-contact state runs steps through the worker, analytics.
import './journey-runner.js';
import './journey-triggers.js';
import './journey-webhooks.js';
import './journey-overview.js';
import './journey-contact-data.js';
import './journey-bounces.js';
import './journey-complaints.js';

export { journeyRoutes } from './journey-routes.js';
export { runDueEnrolments } from './journey-runner.js';
export { consumeJourneyEvents, runDateTriggers } from './journey-triggers.js';
