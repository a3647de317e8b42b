// A contact's form submissions in merge (moved to the survivor, back on undo), the per-person export and erasure:
// the submissions are deleted, those not yet tied to the contact (waiting, failed, spam) found by its e-mail.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../../core/db/database.js';
import { findContactRow, registerContactDataParticipant } from '../../customers/index.js';
import type { SubmissionContext } from './submit-form.js';

type Data = { fields: Record<string, string>; consent: boolean };

/** Submissions with no contact yet whose e-mail field is one of the contact's addresses. */
async function unlinkedByEmail(db: DbOrTrx, contactId: string): Promise<string[]> {
  const row = await findContactRow(db, contactId);
  const emails = new Set((row ? (JSON.parse(row.emails) as string[]) : []).map((e) => e.toLowerCase()));
  if (!emails.size) return [];
  const like = (e: string) => sql<boolean>`lower(data) like ${`%${e.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`;
  const rows = await db
    .selectFrom('webFormSubmissions')
    .select(['id', 'data'])
    .where('contactId', 'is', null)
    .where((eb) => eb.or([...emails].map(like)))
    .execute();
  return rows.filter((r) => emails.has(String((JSON.parse(r.data) as Data).fields?.email ?? '').trim().toLowerCase())).map((r) => r.id);
}

registerContactDataParticipant({
  key: 'marketing.forms',
  async exportFor(db, contactId) {
    const rows = await db
      .selectFrom('webFormSubmissions as s')
      .innerJoin('webForms as f', 'f.id', 's.formId')
      .select(['s.id', 'f.name as form', 's.status', 's.data', 's.context', 's.receivedAt', 's.processedAt', 's.confirmedAt'])
      .where('s.contactId', '=', contactId)
      .orderBy('s.receivedAt')
      .execute();
    return rows.map(({ data, context, ...r }) => {
      const d = JSON.parse(data) as Data;
      const c = JSON.parse(context) as SubmissionContext;
      return { ...r, fields: d.fields, consent: d.consent, pageUrl: c.pageUrl, referrer: c.referrer, utm: c.utm };
    });
  },
  async reassign(db, fromId, toId) {
    const rows = await db.selectFrom('webFormSubmissions').select('id').where('contactId', '=', fromId).execute();
    if (rows.length) await db.updateTable('webFormSubmissions').set({ contactId: toId }).where('contactId', '=', fromId).execute();
    return rows.map((r) => r.id);
  },
  async restore(db, ids, toId) {
    for (let i = 0; i < ids.length; i += 500) await db.updateTable('webFormSubmissions').set({ contactId: toId }).where('id', 'in', ids.slice(i, i + 500)).execute();
  },
  async erase(db, contactId) {
    const unlinked = await unlinkedByEmail(db, contactId);
    let n = Number((await db.deleteFrom('webFormSubmissions').where('contactId', '=', contactId).executeTakeFirst()).numDeletedRows);
    for (let i = 0; i < unlinked.length; i += 500) n += Number((await db.deleteFrom('webFormSubmissions').where('id', 'in', unlinked.slice(i, i + 500)).executeTakeFirst()).numDeletedRows);
    return n;
  },
});
