// What the journeys feature offers to the app: the Journeys page and a journey's editor with its analytics.
export { JourneysListRoute } from './routes/journeys-list';
export { JourneyEditRoute } from './routes/journey-edit';
