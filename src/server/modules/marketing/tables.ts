// Tables of the marketing module: segments with their current members and static snapshots (campaigns, journeys and
// tracking add theirs here as they land).
export interface SegmentsTable {
  id: string;
  name: string;
  description: string | null;
  rules: string; // JSON SegmentGroup (segments/segment-rules.ts)
  kind: 'dynamic' | 'static';
  ownerId: string | null;
  /** Members in segment_members after the last evaluation (every contact, not scoped to any user). */
  memberCount: number;
  /** 1 when the next background round must re-evaluate it in full (created, rules changed, a company or import changed). */
  stale: number;
  evaluatedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SegmentMembersTable {
  segmentId: string;
  contactId: string;
  addedAt: string;
}

export interface SegmentSnapshotsTable {
  id: string;
  segmentId: string;
  memberCount: number;
  createdBy: string | null;
  createdAt: string;
}

export interface SegmentSnapshotMembersTable {
  snapshotId: string;
  contactId: string;
}

export interface MarketingTables {
  segments: SegmentsTable;
  segmentMembers: SegmentMembersTable;
  segmentSnapshots: SegmentSnapshotsTable;
  segmentSnapshotMembers: SegmentSnapshotMembersTable;
}
