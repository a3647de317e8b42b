// Finds the stored contact each draft is: exact external id, then normalised email, then E.164 phone (their indexes).
// Kept behind this one function so the dedup engine (data/dedup) can take over fuzzy matching later.
import type { DbOrTrx } from '../../../../core/db/database.js';
import { inChunks } from '../bulk-insert.js';
import { visibleToImporter, type BatchContext } from '../import-target.js';
import { draftKeys, type ContactDraft } from './contact-draft.js';

export interface ContactMatch {
  id: string;
  /** The contact was created by this same import from an earlier row of the file. */
  sameImport: boolean;
  /** Set when the row cannot be written as asked (a new contact would reuse another's external id). */
  conflict?: string;
}

type Found = { id: string; ownerId: string | null; teamId: string | null; key: string | null };

export async function findContactMatches(trx: DbOrTrx, ctx: BatchContext, drafts: ContactDraft[]): Promise<Map<ContactDraft, ContactMatch>> {
  const ext = [...new Set(drafts.flatMap((d) => (d.externalId ? [d.externalId] : [])))];
  const emails = [...new Set(drafts.flatMap((d) => d.emails))];
  const phones = [...new Set(drafts.flatMap((d) => d.phones))];
  const byKey = new Map<string, { id: string; sameImport: boolean }>();
  const cols = ['id', 'ownerId', 'teamId'] as const;
  const byExt = new Map<string, string>();
  for (const r of await inChunks(ext, (c) => trx.selectFrom('contacts').select([...cols, 'externalId as key']).where('externalId', 'in', c).execute())) byExt.set(r.key!, r.id);
  if (ctx.onMatch === 'create') {
    // Only this import's own rows count as matches: everything else gets a new contact, as asked.
    const keys = [...new Set(drafts.flatMap(draftKeys))];
    const own = await inChunks(keys, (c) => trx.selectFrom('importKeys').select(['key', 'entityId']).where('importId', '=', ctx.importId).where('key', 'in', c).execute());
    for (const r of own) byKey.set(r.key, { id: r.entityId, sameImport: true });
  } else {
    for (const [k, id] of byExt) byKey.set(`x:${k}`, { id, sameImport: false });
    const add = (prefix: string, rows: Found[]) => {
      for (const r of rows) if (r.key && !byKey.has(prefix + r.key) && visibleToImporter(ctx.actor, r)) byKey.set(prefix + r.key, { id: r.id, sameImport: false });
    };
    add('e:', await inChunks(emails, (c) => trx.selectFrom('contacts').select([...cols, 'primaryEmail as key']).where('primaryEmail', 'in', c).orderBy('id').execute()));
    add('p:', await inChunks(phones, (c) => trx.selectFrom('contacts').select([...cols, 'primaryPhone as key']).where('primaryPhone', 'in', c).orderBy('id').execute()));
  }
  const out = new Map<ContactDraft, ContactMatch>();
  for (const d of drafts) {
    const hit = draftKeys(d).map((k) => byKey.get(k)).find(Boolean);
    if (hit) out.set(d, hit);
    else if (d.externalId && byExt.has(d.externalId)) out.set(d, { id: byExt.get(d.externalId)!, sameImport: false, conflict: `external id "${d.externalId}" already belongs to another contact` });
  }
  return out;
}
