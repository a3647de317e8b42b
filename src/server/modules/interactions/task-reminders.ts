// Task reminders: at a task's reminder time the assignee gets an in-app notification and, when outbound mail is set
// up, one e-mail in their language with the due time on their clock (their time zone, else the organisation's, named).
// Each reminder is claimed by an atomic update (reminded_at), so several workers never fire one twice, and the
// notification and the queued mail are written in that same transaction.
import type { Db } from '../../core/db/database.js';
import { nowIso } from '../../core/ids.js';
import { registerPoller } from '../../core/jobs/worker.js';
import { queueMail } from '../../core/mail/mail-outbox.js';
import { mailConfigured } from '../../core/mail/smtp-settings.js';
import { createNotification } from '../../core/notifications/notifications.js';
import { getOrgSettings } from '../../core/settings.js';

const BATCH = 100;

/** The due time on the assignee's clock when they set a time zone; otherwise on the organisation's, which the mail
 * names (UTC unless an administrator chose another). */
function mailText(locale: string, p: { subject: string; due: string; about: string | null; link: string | null; zone: { tz: string; own: boolean } }) {
  const zh = locale === 'zh-CN';
  const due = new Intl.DateTimeFormat(zh ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: p.zone.tz }).format(new Date(p.due));
  const label = p.zone.own ? '' : zh ? `（${p.zone.tz === 'UTC' ? 'UTC' : `${p.zone.tz} 时间`}）` : ` (${p.zone.tz === 'UTC' ? 'UTC' : `${p.zone.tz} time`})`;
  if (zh)
    return { subject: `任务提醒：${p.subject}`, body: [`任务「${p.subject}」将于 ${due}${label}到期。`, p.about ? `关于：${p.about}` : '', p.link ? `打开：${p.link}` : ''].filter(Boolean).join('\n') };
  return { subject: `Reminder: ${p.subject}`, body: [`Your task "${p.subject}" is due ${due}${label}.`, p.about ? `About: ${p.about}` : '', p.link ? `Open: ${p.link}` : ''].filter(Boolean).join('\n') };
}

export async function fireDueReminders(db: Db, now = nowIso()): Promise<number> {
  return db.kysely.transaction().execute(async (trx) => {
    const due = trx.selectFrom('interactions').select('id').where('type', '=', 'task').where('done', '=', 0).where('remindedAt', 'is', null).where('reminderAt', '<=', now).where('assigneeId', 'is not', null).limit(BATCH);
    // The outer conditions are checked again on the row itself, so a second worker's update skips claimed rows.
    const claimed = await trx
      .updateTable('interactions')
      .set({ remindedAt: now })
      .where('id', 'in', due)
      .where('remindedAt', 'is', null)
      .where('done', '=', 0)
      .returning(['id', 'subject', 'dueAt', 'assigneeId', 'contactId', 'companyId'])
      .execute();
    if (claimed.length === 0) return 0;
    const users = new Map((await trx.selectFrom('users').select(['id', 'email', 'locale', 'timeZone', 'active']).where('id', 'in', claimed.map((c) => c.assigneeId!)).execute()).map((u) => [u.id, u]));
    const contactIds = claimed.map((c) => c.contactId).filter((x): x is string => Boolean(x));
    const companyIds = claimed.map((c) => c.companyId).filter((x): x is string => Boolean(x));
    const names = new Map<string, string>([
      ...(contactIds.length ? await trx.selectFrom('contacts').select(['id', 'displayName as name']).where('id', 'in', contactIds).execute() : []).map((r) => [r.id, r.name] as [string, string]),
      ...(companyIds.length ? await trx.selectFrom('companies').select(['id', 'name']).where('id', 'in', companyIds).execute() : []).map((r) => [r.id, r.name] as [string, string]),
    ]);
    const mailReady = await mailConfigured(trx);
    const orgZone = mailReady ? (await getOrgSettings(trx)).timeZone : 'UTC';
    const base = process.env.RAPPORT_PUBLIC_URL?.replace(/\/$/, '') ?? null;
    for (const c of claimed) {
      const user = users.get(c.assigneeId!);
      if (!user || user.active !== 1) continue;
      const entity = c.contactId ? 'contact' : 'company';
      const entityId = (c.contactId ?? c.companyId)!;
      const about = names.get(entityId) ?? null;
      const subject = c.subject ?? '';
      await createNotification(trx, { userId: user.id, kind: 'task.reminder', title: `Reminder: ${subject}`, body: c.dueAt ? `Due ${c.dueAt}` : null, entity, entityId, params: { taskId: c.id, subject, dueAt: c.dueAt, about } });
      if (mailReady && user.email && c.dueAt) {
        const text = mailText(user.locale, { subject, due: c.dueAt, about, link: base ? `${base}/${entity === 'contact' ? 'contacts' : 'companies'}/${entityId}` : null, zone: user.timeZone ? { tz: user.timeZone, own: true } : { tz: orgZone, own: false } });
        await queueMail(trx, { to: user.email, subject: text.subject, body: text.body, kind: 'task.reminder' });
      }
    }
    return claimed.length;
  });
}

registerPoller({ name: 'interactions.task-reminders', run: (db) => fireDueReminders(db), idleMs: 5000 });
