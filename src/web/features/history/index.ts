// What the history feature offers: a record's change history (for timelines) and the admin audit log screen.
export { useRecordHistory, type HistoryEntity, type HistoryEntry } from './api/history';
export { HistoryTimelineItem } from './components/history-item';
export { ChangeList } from './components/change-list';
export { AuditLogSection } from './components/audit-log-section';
export { AuditLogLink } from './components/audit-log-link';
export { useRelatedActivities, beyondActivities, type RelatedActivity } from './api/related-activities';
export { RelatedActivityItem } from './components/related-activity-item';
