// What the segments feature offers to the app: the Segments page and a segment's page with its rule builder.
export { SegmentsListRoute } from './routes/segments-list';
export { SegmentEditRoute } from './routes/segment-edit';
// The rule builder, for features whose rules are segment rules (journey goals and branches).
export { RuleGroup } from './components/rule-group';
export { newCondition } from './components/rule-tree';
export { useSegmentFields, useSegments, type Group, type SegmentField } from './api/segments';
