// Complaints about campaign e-mails: the inbound mail processor (service) reads ARF feedback reports and names the
// reported original's Message-IDs (ours are one per recipient row) and its List-Unsubscribe links (our signed
// /mail/u tokens, for reports whose original lost its Message-ID). Only a report that matches a message we sent
// counts, so a forged report cannot suppress an address of its choosing.
import type { Db } from '../../../core/db/database.js';
import { onInboundComplaint, type FeedbackReport } from '../../service/index.js';
import { findRecipient, recordComplaint } from './campaign-engagement.js';
import { verifyToken } from './tracking-tokens.js';

/** The signed token at the end of a /mail/u/<token> link; null for any other address. */
export function unsubscribeTokenOf(url: string): string | null {
  try {
    return /^\/mail\/u\/([^/]{1,120})$/.exec(new URL(url).pathname)?.[1] ?? null;
  } catch {
    return null;
  }
}

export const complaintDetail = (report: FeedbackReport) => `${report.feedbackType}${report.userAgent ? ` (${report.userAgent})` : ''}`;

async function campaignRecipientsOf(db: Db, report: FeedbackReport): Promise<string[]> {
  const ids = new Set<string>();
  if (report.originalIds.length) {
    for (const r of await db.kysely.selectFrom('campaignRecipients').select('id').where('messageId', 'in', report.originalIds).execute()) ids.add(r.id);
  }
  for (const url of report.unsubscribeUrls) {
    const token = unsubscribeTokenOf(url);
    const verified = token ? verifyToken('unsubscribe', token) : null;
    if (verified) ids.add(verified.recipientId);
  }
  return [...ids];
}

onInboundComplaint(async (db, report) => {
  for (const id of await campaignRecipientsOf(db, report)) {
    const r = await findRecipient(db, id);
    if (r) await recordComplaint(db, r, complaintDetail(report), report.recipients);
  }
});
