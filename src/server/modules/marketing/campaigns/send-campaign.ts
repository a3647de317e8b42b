// The durable send job ('marketing.campaign.send'): prepares the audience once, then delivers row by row through a
// state machine pending → sending → committing → sent, re-checking consent and the suppression list right before
// each message. After a crash the resumed job turns 'sending' rows (the final dot never went out, so the server kept
// nothing) back to pending, and 'committing' rows (the dot may have reached the server) to sent, marked uncertain:
// nobody gets two copies; only a crash inside the few microseconds between committing and writing the dot can skip one.
import type { Db } from '../../../core/db/database.js';
import { nowIso } from '../../../core/ids.js';
import { registerJobHandler, type JobContext } from '../../../core/jobs/job-queue.js';
import { smtpTransportConfig } from '../../../core/mail/smtp-settings.js';
import type { CampaignsTable } from './campaign-tables.js';
import { recordBounce } from './campaign-engagement.js';
import { prepareAudience } from './prepare-audience.js';
import { CampaignMailer, smtpTarget } from './smtp-delivery.js';
import { suppressionOf } from './suppression.js';
import type { CompiledTemplate } from './template/compile-template.js';
import { contactValues, renderMessage } from './template/render-message.js';
import { trackingUrls } from './tracking-tokens.js';
import { abSendableVariants } from './ab-winner.js';

export const SEND_JOB = 'marketing.campaign.send';
const MAX_ATTEMPTS = 3;

/** What a crashed run left behind, made safe before sending again. */
export async function recoverRecipients(db: Db, campaignId: string): Promise<void> {
  await db.kysely.updateTable('campaignRecipients').set({ status: 'pending' }).where('campaignId', '=', campaignId).where('status', '=', 'sending').execute();
  await db.kysely.updateTable('campaignRecipients').set({ status: 'sent', uncertain: 1, sentAt: nowIso() }).where('campaignId', '=', campaignId).where('status', '=', 'committing').execute();
}

/** Why a recipient must not get the message now, or null. Read at the moment of sending: an unsubscribe, a withdrawn
 * consent or a bounce recorded a second ago counts. */
async function eligibility(db: Db, contactId: string) {
  const c = await db.kysely.selectFrom('contacts').select(['givenName', 'familyName', 'displayName', 'primaryEmail', 'title', 'consentEmail']).where('id', '=', contactId).executeTakeFirst();
  if (!c) return { skip: 'contact_deleted' as const };
  if (!c.primaryEmail) return { skip: 'no_email' as const };
  if (Number(c.consentEmail) !== 1) return { skip: 'no_consent' as const };
  const suppressed = await suppressionOf(db.kysely, c.primaryEmail);
  if (suppressed) return { skip: suppressed };
  return { contact: c };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runCampaignSend(db: Db, campaignId: string, ctx?: Pick<JobContext<unknown>, 'checkpoint' | 'cancelled'>): Promise<{ sent: number; skipped: number; failed: number; waiting?: boolean }> {
  let c = await db.kysely.selectFrom('campaigns').selectAll().where('id', '=', campaignId).executeTakeFirst();
  const tally = { sent: 0, skipped: 0, failed: 0 };
  if (!c || (c.status !== 'scheduled' && c.status !== 'sending')) return tally;
  if (!c.snapshotId) {
    await prepareAudience(db, c);
    c = (await db.kysely.selectFrom('campaigns').selectAll().where('id', '=', campaignId).executeTakeFirstOrThrow()) as CampaignsTable;
  }
  await recoverRecipients(db, campaignId);
  const cfg = await smtpTransportConfig(db.kysely);
  if (!cfg) throw new Error('No outgoing mail server: set one in Settings → Email (or SMTP_URL)');
  const compiled = JSON.parse(c.compiled!) as CompiledTemplate;
  const from = c.fromName ? `"${c.fromName.replace(/["\r\n]/g, '')}" <${/<([^>]+)>/.exec(cfg.from)?.[1] ?? cfg.from}>` : cfg.from;
  const mailer = new CampaignMailer(smtpTarget(cfg));
  const gap = 60_000 / Math.max(1, c.throttlePerMinute);
  let nextAt = 0;
  try {
    for (;;) {
      if (ctx && (await ctx.cancelled())) return tally;
      const state = await db.kysely.selectFrom('campaigns').select(['status', 'abWinner', 'abSubject']).where('id', '=', campaignId).executeTakeFirstOrThrow();
      if (state.status !== 'sending') return tally;
      const variants = abSendableVariants(state);
      const batch = await db.kysely.selectFrom('campaignRecipients').select(['id', 'contactId', 'messageId', 'attempts', 'variant']).where('campaignId', '=', campaignId).where('status', '=', 'pending').where('variant', 'in', variants).orderBy('id').limit(50).execute();
      if (!batch.length) break;
      for (const r of batch) {
        const ok = await eligibility(db, r.contactId);
        if ('skip' in ok) {
          await db.kysely.updateTable('campaignRecipients').set({ status: 'skipped', skipReason: ok.skip }).where('id', '=', r.id).where('status', '=', 'pending').execute();
          tally.skipped++;
          continue;
        }
        const claimed = await db.kysely.updateTable('campaignRecipients').set({ status: 'sending', attempts: r.attempts + 1, email: ok.contact.primaryEmail }).where('id', '=', r.id).where('status', '=', 'pending').executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) continue;
        const wait = nextAt - Date.now();
        if (wait > 0) await sleep(wait);
        nextAt = Math.max(Date.now(), nextAt) + gap;
        const urls = trackingUrls(r.id);
        const useB = r.variant === 'b' || (r.variant === 'rest' && state.abWinner === 'b');
        const msg = renderMessage(compiled, contactValues(ok.contact, c.name), urls, useB ? 'b' : 'a');
        const result = await mailer.send(
          {
            from,
            to: ok.contact.primaryEmail!,
            subject: msg.subject,
            html: msg.html,
            text: msg.text,
            messageId: r.messageId,
            headers: { 'List-Unsubscribe': `<${urls.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'X-Rapport-Campaign': campaignId },
          },
          async () => {
            await db.kysely.updateTable('campaignRecipients').set({ status: 'committing' }).where('id', '=', r.id).execute();
          },
        );
        if (result.ok || result.uncertain) {
          await db.kysely.updateTable('campaignRecipients').set({ status: 'sent', sentAt: nowIso(), uncertain: result.ok ? 0 : 1, error: result.ok ? null : result.error }).where('id', '=', r.id).execute();
          tally.sent++;
        } else if (result.permanent || r.attempts + 1 >= MAX_ATTEMPTS) {
          await db.kysely.updateTable('campaignRecipients').set({ status: 'failed', error: result.error }).where('id', '=', r.id).execute();
          if (result.permanent && result.recipientRefused) await recordBounce(db, r.id, `${result.code} ${result.error}`, true);
          tally.failed++;
        } else {
          // A temporary refusal or a broken connection before the dot: the server kept nothing; try again later.
          await db.kysely.updateTable('campaignRecipients').set({ status: 'pending', error: result.error }).where('id', '=', r.id).execute();
          await sleep(Math.min(5000, 250 * (r.attempts + 1)));
        }
      }
      await ctx?.checkpoint({ ...tally });
    }
    if (c.abSubject && c.abSharePercent > 0 && !(await db.kysely.selectFrom('campaigns').select('abWinner').where('id', '=', campaignId).executeTakeFirstOrThrow()).abWinner) {
      return { ...tally, waiting: true }; // the rest waits for the A/B winner (ab-winner.ts re-queues the job)
    }
    await db.kysely.updateTable('campaigns').set({ status: 'sent', finishedAt: nowIso(), updatedAt: nowIso() }).where('id', '=', campaignId).where('status', '=', 'sending').execute();
    return tally;
  } finally {
    mailer.close();
  }
}

registerJobHandler<{ campaignId: string }>(SEND_JOB, (ctx) => runCampaignSend(ctx.db, ctx.job.payload.campaignId, ctx));
