// Interactions: the unified timeline of notes, calls, meetings, logged emails and tasks.
import './overview-contributions.js';
import './contact-data.js';
import './company-data.js';
import './today-cards.js';
import './task-reminders.js';

export { interactionMigrations } from './migrations.js';
export { interactionRoutes } from './interaction-routes.js';
export { logInteraction } from './interaction-service.js';
export { createTaskIn, createNoteIn, type AutomationTask, type AutomationNote } from './automation-task.js';
export { listDealTimeline } from './deal-timeline.js';
export { interactionSchema } from './schemas.js';
export { interactionTypes } from './tables.js';
export { interactionInput, type InteractionInput } from './schemas.js';
export { activityCountsByUser, type ActivityCount } from './activity-counts.js';
