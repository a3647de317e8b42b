// Bounces of campaign e-mails: the inbound mail processor (service) recognises delivery failures and names the
// Message-IDs they return; ours are one per recipient row. A 5xx / 5.x.x reason is a hard bounce (suppressed).
import { onInboundBounce } from '../../service/index.js';
import { recordBounce } from './campaign-engagement.js';

export const isHardBounce = (reason: string) => /(^|\D)5\d\d(\D|$)|\b5\.\d{1,3}\.\d{1,3}\b/.test(reason);

onInboundBounce(async (db, ids, reason) => {
  if (!ids.length) return;
  const rows = await db.kysely.selectFrom('campaignRecipients').select('id').where('messageId', 'in', ids.slice(0, 50)).execute();
  for (const r of rows) await recordBounce(db, r.id, reason, isHardBounce(reason));
});
