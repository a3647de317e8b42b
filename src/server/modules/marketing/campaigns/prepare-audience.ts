// The start of a send: compile the template, freeze the segment as a snapshot and write one pending row per member,
// each with its own Message-ID, in one transaction with the campaign's switch to "sending" (a crash before it commits
// leaves nothing but an unused snapshot; the resumed job starts over).
import { systemActor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import { messageIdDomain } from '../../../core/mail/smtp-settings.js';
import { snapshotMemberIds, snapshotSegment } from '../segments/segment-snapshots.js';
import type { CampaignsTable } from './campaign-tables.js';
import { abVariant } from './ab-split.js';
import { compileTemplate } from './template/compile-template.js';
import { templateBlocks } from './template/template-blocks.js';

export async function compileCampaign(c: Pick<CampaignsTable, 'subject' | 'abSubject' | 'preheader' | 'blocks' | 'language'>) {
  return compileTemplate({ subject: c.subject, subjectB: c.abSubject, preheader: c.preheader, blocks: templateBlocks.parse(JSON.parse(c.blocks)), language: c.language });
}

/** Returns how many recipients were written (0 when another run prepared it first). */
export async function prepareAudience(db: Db, c: CampaignsTable): Promise<number> {
  if (!c.segmentId) throw new AppError('validation', 'The campaign has no audience segment');
  const compiled = await compileCampaign(c);
  const snapshot = await snapshotSegment(db, systemActor, c.segmentId);
  const domain = await messageIdDomain(db.kysely);
  return db.kysely.transaction().execute(async (trx) => {
    const claimed = await trx.updateTable('campaigns').set({ status: 'sending', snapshotId: snapshot.id, compiled: JSON.stringify(compiled), startedAt: nowIso(), updatedAt: nowIso() }).where('id', '=', c.id).where('snapshotId', 'is', null).where('status', 'in', ['scheduled', 'sending']).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return 0;
    if (compiled.links.length) await trx.insertInto('campaignLinks').values(compiled.links.map((url, idx) => ({ campaignId: c.id, idx, url }))).execute();
    let after = '';
    let total = 0;
    for (;;) {
      const ids = await snapshotMemberIds(trx, snapshot.id, after, 1000);
      if (!ids.length) break;
      after = ids[ids.length - 1]!;
      const rows = ids.map((contactId) => {
        const id = newId();
        return { id, campaignId: c.id, contactId, email: null, status: 'pending' as const, skipReason: null, variant: abVariant(c, contactId), messageId: `<${id}@${domain}>`, attempts: 0, uncertain: 0, error: null, sentAt: null, openedAt: null, clickedAt: null, unsubscribedAt: null, bouncedAt: null };
      });
      for (let i = 0; i < rows.length; i += 250) await trx.insertInto('campaignRecipients').values(rows.slice(i, i + 250)).execute();
      total += rows.length;
    }
    return total;
  });
}
