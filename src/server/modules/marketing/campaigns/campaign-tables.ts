// Tables of e-mail campaigns: the campaign (template blocks, audience, schedule, throttle, cost), one row per recipient
// with its delivery state machine, the links of the compiled template, engagement events and the suppression list.
export type CampaignStatus = 'draft' | 'scheduled' | 'sending' | 'sent' | 'cancelled';
/** pending → sending (SMTP conversation open, data not yet terminated) → committing (about to send the final dot)
 * → sent; failed after a permanent refusal; skipped (no consent, suppressed, no address) when its turn came. */
export type RecipientStatus = 'pending' | 'sending' | 'committing' | 'sent' | 'failed' | 'skipped';

export interface CampaignsTable {
  id: string;
  name: string;
  status: CampaignStatus;
  segmentId: string | null;
  /** The audience frozen when sending started. */
  snapshotId: string | null;
  language: 'en' | 'zh-CN';
  subject: string;
  preheader: string | null;
  /** JSON array of template blocks (template/blocks.ts). */
  blocks: string;
  /** The compiled HTML with variable placeholders, fixed when sending started (JSON CompiledTemplate). */
  compiled: string | null;
  fromName: string | null;
  scheduledAt: string | null;
  timeZone: string | null;
  throttlePerMinute: number;
  /** Money in minor units. */
  cost: number;
  currency: string;
  attributionDays: number;
  jobId: string | null;
  /** A/B test of the subject: the B subject, the share of the audience in the test, the metric and the wait. */
  abSubject: string | null;
  abSharePercent: number;
  abMetric: 'open' | 'click';
  abWaitMinutes: number;
  abWinner: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface CampaignRecipientsTable {
  id: string;
  campaignId: string;
  contactId: string;
  email: string | null;
  status: RecipientStatus;
  skipReason: string | null;
  /** A/B: 'a', 'b' (test groups) or 'rest' (waits for the winner); plain campaigns: 'a'. */
  variant: string;
  /** The Message-ID sent with (one per row, fixed before the first attempt). */
  messageId: string;
  attempts: number;
  /** 1 when a crash or a lost connection left it unknown whether the server took the message (counted as sent). */
  uncertain: number;
  error: string | null;
  sentAt: string | null;
  openedAt: string | null;
  clickedAt: string | null;
  unsubscribedAt: string | null;
  bouncedAt: string | null;
}

export interface CampaignLinksTable {
  campaignId: string;
  idx: number;
  url: string;
}

export interface CampaignEventsTable {
  id: string;
  campaignId: string;
  recipientId: string;
  contactId: string;
  kind: 'open' | 'click' | 'unsubscribe' | 'bounce' | 'complaint';
  url: string | null;
  detail: string | null;
  at: string;
}

export const suppressionReasons = ['unsubscribed', 'hard_bounce', 'complaint'] as const;

export interface EmailSuppressionsTable {
  /** Lower-case address. */
  email: string;
  reason: (typeof suppressionReasons)[number];
  contactId: string | null;
  campaignId: string | null;
  createdAt: string;
}

export interface CampaignTables {
  campaigns: CampaignsTable;
  campaignRecipients: CampaignRecipientsTable;
  campaignLinks: CampaignLinksTable;
  campaignEvents: CampaignEventsTable;
  emailSuppressions: EmailSuppressionsTable;
}
