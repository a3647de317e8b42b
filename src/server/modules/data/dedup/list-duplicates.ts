// The duplicate queue as the API shows it: pairs best-first with their reasons and both contacts, keyset-paged.
import { z } from 'zod';
import type { Db } from '../../../core/db/database.js';
import { canSee, type Actor } from '../../../core/auth/actor.js';
import { decodeCursor, pageOf } from '../../../core/pagination.js';
import { findCompanyRow, readContact, type Contact } from '../../customers/index.js';

export const listDuplicatesQuery = z.object({
  entity: z.enum(['contact', 'company']).default('contact'),
  status: z.enum(['open', 'dismissed', 'merged']).default('open'),
  minScore: z.coerce.number().min(0).max(1).optional(),
  contactId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});

/** One side of a pair: a contact, or a company (its name as displayName, its domain in domain). */
const side = z.object({ id: z.string(), displayName: z.string(), emails: z.array(z.string()), phones: z.array(z.string()), companyName: z.string().nullable(), domain: z.string().nullable().optional(), updatedAt: z.string() });
export const duplicatePairSchema = z.object({
  id: z.string(),
  entity: z.enum(['contact', 'company']),
  score: z.number(),
  status: z.enum(['open', 'dismissed', 'merged']),
  reasons: z.array(z.object({ field: z.string(), kind: z.string(), detail: z.string(), weight: z.number(), params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])) })),
  detectedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** null when the contact is gone (merged away or deleted); open pairs are only listed with both contacts. */
  a: side.nullable(),
  b: side.nullable(),
});

const summary = (c: Contact) => ({ id: c.id, displayName: c.displayName, emails: c.emails, phones: c.phones, companyName: c.companyName, updatedAt: c.updatedAt });

export async function listDuplicates(db: Db, actor: Actor, query: z.infer<typeof listDuplicatesQuery>) {
  let q = db.kysely.selectFrom('duplicatePairs').selectAll().where('entity', '=', query.entity).where('status', '=', query.status).orderBy('score', 'desc').orderBy('id').limit(query.limit + 1);
  if (query.minScore !== undefined) q = q.where('score', '>=', query.minScore);
  if (query.contactId) q = q.where((eb) => eb.or([eb('aId', '=', query.contactId!), eb('bId', '=', query.contactId!)]));
  if (query.cursor) {
    const [score, id] = decodeCursor(query.cursor, 2) as [number, string];
    q = q.where((eb) => eb.or([eb('score', '<', score), eb.and([eb('score', '=', score), eb('id', '>', id)])]));
  }
  const page = pageOf(await q.execute(), query.limit, (r) => [r.score, r.id]);
  const data = [];
  if (query.entity === 'company') {
    const company = async (id: string) => {
      const c = await findCompanyRow(db.kysely, id);
      return c ? { id: c.id, displayName: c.name, emails: [], phones: [], companyName: null, domain: c.domain, updatedAt: c.updatedAt, visible: canSee(actor, c) } : null;
    };
    for (const r of page.data) {
      const [a, b] = [await company(r.aId), await company(r.bId)];
      // As for contacts: a hidden company hides the pair (and its reasons) whatever its status; a gone one empties its side.
      if ((a && !a.visible) || (b && !b.visible) || (r.status === 'open' && (!a || !b))) continue;
      const side = (x: typeof a) => x && { id: x.id, displayName: x.displayName, emails: x.emails, phones: x.phones, companyName: x.companyName, domain: x.domain, updatedAt: x.updatedAt };
      data.push({ id: r.id, entity: r.entity, score: r.score, status: r.status, reasons: parseReasons(r.reasons), detectedAt: r.detectedAt, decidedBy: r.decidedBy, decidedAt: r.decidedAt, a: side(a), b: side(b) });
    }
    return { data, nextCursor: page.nextCursor };
  }
  for (const r of page.data) {
    const [a, b] = [await readContact(db.kysely, r.aId), await readContact(db.kysely, r.bId)];
    // A pair is shown only to someone who may see its contacts; an open pair whose contact is gone is stale.
    if ((a && !canSee(actor, a)) || (b && !canSee(actor, b)) || (r.status === 'open' && (!a || !b))) continue;
    data.push({ id: r.id, entity: r.entity, score: r.score, status: r.status, reasons: parseReasons(r.reasons), detectedAt: r.detectedAt, decidedBy: r.decidedBy, decidedAt: r.decidedAt, a: a && summary(a), b: b && summary(b) });
  }
  return { data, nextCursor: page.nextCursor };
}

/** Stored reasons; pairs found before reasons carried params get empty ones, and a company id never leaves as text. */
function parseReasons(json: string): { field: string; kind: string; detail: string; weight: number; params: Record<string, string | number | boolean> }[] {
  return (JSON.parse(json) as { field: string; kind: string; detail: string; weight: number; params?: Record<string, string | number | boolean> }[]).map((r) => ({
    ...r,
    detail: r.field === 'company' ? 'same company' : r.detail,
    params: r.params ?? {},
  }));
}
