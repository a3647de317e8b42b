// A form's submissions for the admin list: newest first, keyset by id (ids sort by time), with the contact's name.
import type { Db } from '../../../core/db/database.js';
import type { SubmissionContext } from './submit-form.js';

export async function listSubmissions(db: Db, formId: string, q: { limit: number; cursor?: string }) {
  let query = db.kysely
    .selectFrom('webFormSubmissions as s')
    .leftJoin('contacts as c', 'c.id', 's.contactId')
    .select(['s.id', 's.status', 's.data', 's.context', 's.contactId', 'c.displayName as contactName', 's.error', 's.receivedAt', 's.confirmedAt'])
    .where('s.formId', '=', formId)
    .orderBy('s.id', 'desc')
    .limit(q.limit + 1);
  if (q.cursor) query = query.where('s.id', '<', q.cursor);
  const rows = await query.execute();
  const page = rows.slice(0, q.limit);
  return {
    data: page.map((r) => {
      const data = JSON.parse(r.data) as { fields: Record<string, string>; consent: boolean };
      const ctx = JSON.parse(r.context) as SubmissionContext;
      return { id: r.id, status: r.status as 'received', fields: data.fields, consent: data.consent, utm: ctx.utm, pageUrl: ctx.pageUrl, contactId: r.contactId, contactName: r.contactName ?? null, error: r.error, receivedAt: r.receivedAt, confirmedAt: r.confirmedAt };
    }),
    nextCursor: rows.length > q.limit ? page.at(-1)!.id : null,
  };
}
