// What the segments feature offers to the app: the Segments page and a segment's page with its rule builder.
export { SegmentsListRoute } from './routes/segments-list';
export { SegmentEditRoute } from './routes/segment-edit';
