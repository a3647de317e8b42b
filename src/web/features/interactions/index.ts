// What the interactions feature offers to pages of other features (timeline, logging forms, task lists).
export { useMyTasks, useTaskCounts, useTaskGroup, type TaskGroup } from './api/interactions';
export { TaskForm } from './components/task-form';
export { InteractionTimeline } from './components/interaction-timeline';
export { LogActivity } from './components/log-activity';
export { TaskList } from './components/task-list';
