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

// Journeys: definitions, enrolments, step runs, webhook calls, e-mail engagement.
import type { JourneyTables } from './journeys/journey-tables.js';
export interface MarketingTables extends JourneyTables {}

// Web tracking and forms: sites, intake, visitors, events, roll-ups, rejections, forms, submissions.
import type { WebTrackingTables } from './tracking/tracking-tables.js';
export interface MarketingTables extends WebTrackingTables {}

// E-mail campaigns: campaigns, recipients and their delivery state, links, engagement events, suppressions.
import type { CampaignTables } from './campaigns/campaign-tables.js';
export interface MarketingTables extends CampaignTables {}
