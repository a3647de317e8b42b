// What the interactions feature offers to pages of other features (timeline, logging forms, task lists).
export { useMyTasks } from './api/interactions';
export { InteractionTimeline } from './components/interaction-timeline';
export { LogActivity } from './components/log-activity';
export { TaskList } from './components/task-list';
