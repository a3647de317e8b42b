// Duplicate clusters: open pairs joined transitively (A~B and B~C make one cluster {A, B, C}), best first, so a
// reviewer can merge a whole group at once with POST /contacts/merge.
import { z } from 'zod';
import type { Db } from '../../../core/db/database.js';
import { canSee, type Actor } from '../../../core/auth/actor.js';
import { contactVisibleTo } from '../../../core/auth/record-scope.js';
import { readContact } from '../../customers/index.js';

export const clusterQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), minScore: z.coerce.number().min(0).max(1).optional() });
export const clusterSchema = z.object({
  contacts: z.array(z.object({ id: z.string(), displayName: z.string(), emails: z.array(z.string()), phones: z.array(z.string()), companyName: z.string().nullable(), updatedAt: z.string() })),
  pairIds: z.array(z.string()),
  maxScore: z.number(),
  minScore: z.number(),
});

export async function listClusters(db: Db, actor: Actor, query: z.infer<typeof clusterQuery>) {
  // Only pairs of two contacts the actor may see: hidden ones neither join clusters nor count among them.
  let q = db.kysely
    .selectFrom('duplicatePairs as p')
    .select(['p.id', 'p.aId', 'p.bId', 'p.score'])
    .where('p.entity', '=', 'contact')
    .where('p.status', '=', 'open')
    .where((eb) => eb.and([contactVisibleTo(eb, actor, 'p.aId'), contactVisibleTo(eb, actor, 'p.bId')]));
  if (query.minScore !== undefined) q = q.where('p.score', '>=', query.minScore);
  const pairs = await q.execute();
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const p of pairs) {
    if (!parent.has(p.aId)) parent.set(p.aId, p.aId);
    if (!parent.has(p.bId)) parent.set(p.bId, p.bId);
    parent.set(find(p.aId), find(p.bId));
  }
  const clusters = new Map<string, { ids: Set<string>; pairIds: string[]; max: number; min: number }>();
  for (const p of pairs) {
    const root = find(p.aId);
    const c = clusters.get(root) ?? { ids: new Set<string>(), pairIds: [], max: 0, min: 1 };
    c.ids.add(p.aId).add(p.bId);
    c.pairIds.push(p.id);
    c.max = Math.max(c.max, p.score);
    c.min = Math.min(c.min, p.score);
    clusters.set(root, c);
  }
  const sorted = [...clusters.values()].sort((x, y) => y.max - x.max || y.ids.size - x.ids.size);
  const data = [];
  for (const c of sorted) {
    if (data.length >= query.limit) break;
    const contacts = [];
    for (const id of [...c.ids].sort()) {
      const contact = await readContact(db.kysely, id);
      if (contact && canSee(actor, contact)) contacts.push({ id, displayName: contact.displayName, emails: contact.emails, phones: contact.phones, companyName: contact.companyName, updatedAt: contact.updatedAt });
    }
    // Shown only whole: a cluster with a contact the actor may not see (or one gone since) is left out.
    if (contacts.length === c.ids.size) data.push({ contacts, pairIds: c.pairIds.sort(), maxScore: c.max, minScore: c.min });
  }
  return { data, clusters: clusters.size };
}
