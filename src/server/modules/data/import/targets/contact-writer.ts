// Writes a batch of imported contacts: merges the file's own duplicates, matches existing contacts by external id,
// email or phone, then updates/skips them and bulk-inserts the new ones with their search rows and tags.
import { changedFields, writeAuditBatch, type AuditEntry } from '../../../../core/audit/audit-log.js';
import type { DbOrTrx } from '../../../../core/db/database.js';
import { newId, nowIso } from '../../../../core/ids.js';
import { emitBulkEvents, type BulkRecordEvent } from '../../../../core/events/bulk-events.js';
import { gramsValue, searchDocument, shortGrams, sortName } from '../../../customers/index.js';
import { bulkInsert, bulkUpdate, inChunks, type BulkColumn } from '../bulk-insert.js';
import { emptyResult, type BatchContext, type BatchResult, type CleanRow } from '../import-target.js';
import { linkCompanies, searchColumns } from './company-linker.js';
import { applyDraft, draftKeys, draftName, mergeDrafts, toDraft, type ContactDraft, type StoredContact } from './contact-draft.js';
import { findContactMatches } from './contact-matching.js';
import { loadStoredContacts } from './stored-contacts.js';
import { ownerResolver } from './owner-lookup.js';
import { consentBulkColumns, consentCells, consentHistory, consentView, draftConsent } from './contact-consent.js';

const text = (name: string): BulkColumn => ({ name, pg: 'text' });
const contactColumns: BulkColumn[] = [
  ...['id', 'display_name', 'sort_name', 'external_id', 'given_name', 'family_name', 'title', 'company_id', 'emails', 'phones', 'primary_email', 'primary_phone', 'address', 'birthday', 'source', 'lifecycle_stage', 'owner_id', 'team_id'].map(text),
  ...consentBulkColumns,
  ...['custom', 'raw_phones', 'source_created_at', 'created_at', 'updated_at'].map(text),
];
const tagColumns = ['entity', 'entity_id', 'tag'].map(text);
const keyColumns = ['import_id', 'key', 'entity_id'].map(text);
const recordColumns = ['import_id', 'entity', 'entity_id'].map(text);
const jsonOrNull = (list: string[]) => (list.length ? JSON.stringify(list) : null);

/** The contact's search row exactly as contactSearchSource in the customers module builds it. */
function contactSearchRow(ctx: BatchContext, id: string, c: Pick<StoredContact, 'displayName' | 'givenName' | 'familyName' | 'companyName' | 'emails' | 'phones' | 'title'>): unknown[] {
  const doc = searchDocument({ names: [c.displayName, c.companyName], emails: c.emails, phones: c.phones, extra: [c.title] });
  return ['contact', id, doc, gramsValue(ctx.db.engine, shortGrams([c.displayName, c.givenName, c.familyName]))];
}

/** An imported contact as a per-record event shows it: the API's contact fields (ownerName aside) and the import's id. */
function contactEventView(ctx: BatchContext, id: string, c: StoredContact, o: { ownerId: string | null; teamId: string | null; createdAt?: string; updatedAt: string }) {
  const { companyName, consent, ...rest } = c;
  return { id, ...rest, ...consentView(consent), companyName, ownerId: o.ownerId, teamId: o.teamId, ...(o.createdAt && { createdAt: o.createdAt }), updatedAt: o.updatedAt, importId: ctx.importId };
}

/** Rows that name the same person (a shared external id, email or phone) become one draft. */
function mergeInFile(rows: CleanRow[]): { drafts: ContactDraft[]; duplicates: number } {
  const drafts: ContactDraft[] = [];
  const byKey = new Map<string, ContactDraft>();
  let duplicates = 0;
  for (const r of rows) {
    const d = toDraft(r.rowNumber, r.values);
    const keys = draftKeys(d);
    const into = keys.map((k) => byKey.get(k)).find(Boolean);
    if (into) {
      mergeDrafts(into, d);
      duplicates++;
    } else drafts.push(d);
    for (const k of draftKeys(into ?? d)) if (!byKey.has(k)) byKey.set(k, into ?? d);
  }
  return { drafts, duplicates };
}

export async function writeContacts(trx: DbOrTrx, ctx: BatchContext, rows: CleanRow[]): Promise<BatchResult> {
  const res = emptyResult();
  const { drafts, duplicates } = mergeInFile(rows);
  res.duplicates = duplicates;
  const matches = await findContactMatches(trx, ctx, drafts);
  const fresh: ContactDraft[] = [];
  const updates = new Map<string, { drafts: ContactDraft[]; mode: 'fill' | 'overwrite' }>();
  for (const d of drafts) {
    const m = matches.get(d);
    if (!m) fresh.push(d);
    else if (m.conflict) res.errors.push({ rowNumber: d.rowNumber, column: 'externalId', value: d.externalId ?? null, reason: m.conflict });
    else if (ctx.onMatch === 'skip' && !m.sameImport) res.skipped++;
    else {
      const u = updates.get(m.id) ?? { drafts: [], mode: m.sameImport ? 'fill' : ctx.updateMode };
      u.drafts.push(d);
      updates.set(m.id, u);
    }
  }
  const companyNames = [...fresh, ...[...updates.values()].flatMap((u) => u.drafts)].map((d) => d.company).filter((c): c is string => !!c);
  const companies = await linkCompanies(trx, ctx, companyNames);
  res.companiesCreated = companies.created;
  const companyId = (name: string) => companies.ids.get(name)!;

  const changed: string[] = [];
  if (updates.size) res.updated += await updateMatched(trx, ctx, updates, companyId, res, changed);
  const ownerOf = await ownerResolver(trx, fresh.some((d) => d.owner));
  const now = nowIso();
  const contactRows: unknown[][] = [];
  const searchRows: unknown[][] = [];
  const tagRows: unknown[][] = [];
  const keyRows: unknown[][] = [];
  const events: BulkRecordEvent[] = [];
  const announce = ctx.wanted.has('contact.created');
  const history = consentHistory(ctx.importId, ctx.actor.id, now);
  for (const d of fresh) {
    const id = newId();
    const owner = d.owner ? ownerOf(d.owner) : null;
    if (d.owner && !owner) res.errors.push({ rowNumber: d.rowNumber, column: 'owner', value: d.owner, reason: `no user matches the owner "${d.owner}" (by email or name)`, severity: 'warning' });
    const [ownerId, teamId] = owner ? [owner.ownerId, owner.teamId] : [ctx.actor.id, ctx.actor.teamId];
    const c: StoredContact = {
      displayName: draftName(d)!, givenName: d.givenName ?? null, familyName: d.familyName ?? null, title: d.title ?? null,
      companyId: d.company ? companyId(d.company) : null, companyName: d.company ?? null, externalId: d.externalId ?? null,
      emails: d.emails, phones: d.phones, rawPhones: d.rawPhones, address: Object.keys(d.address).length ? d.address : null, birthday: d.birthday ?? null,
      source: d.source ?? null, lifecycleStage: d.lifecycleStage ?? 'lead', tags: d.tags, consent: draftConsent(d.consent, now), customFields: d.custom,
      sourceCreatedAt: d.sourceCreatedAt ?? null,
    };
    contactRows.push([
      id, c.displayName, sortName(c.displayName), c.externalId, c.givenName, c.familyName, c.title, c.companyId, JSON.stringify(c.emails), JSON.stringify(c.phones), c.emails[0] ?? null, c.phones[0] ?? null,
      c.address ? JSON.stringify(c.address) : null, c.birthday, c.source, c.lifecycleStage, ownerId, teamId,
      ...consentCells(c.consent), JSON.stringify(c.customFields), jsonOrNull(c.rawPhones), c.sourceCreatedAt, now, now,
    ]);
    changed.push(id);
    history.add(id, null, c.consent);
    searchRows.push(contactSearchRow(ctx, id, c));
    if (announce) events.push({ entityId: id, payload: contactEventView(ctx, id, { ...c, tags: [...new Set(c.tags)].sort() }, { ownerId, teamId, createdAt: now, updatedAt: now }) });
    for (const tag of new Set(d.tags)) tagRows.push(['contact', id, tag]);
    if (ctx.onMatch === 'create') for (const k of draftKeys(d)) keyRows.push([ctx.importId, k, id]);
  }
  const engine = ctx.db.engine;
  await bulkInsert(trx, engine, 'contacts', contactColumns, contactRows);
  await history.write(trx, engine);
  await bulkInsert(trx, engine, 'search_index', searchColumns(engine), searchRows);
  await bulkInsert(trx, engine, 'tags', tagColumns, tagRows, { ignoreConflicts: true });
  await bulkInsert(trx, engine, 'import_keys', keyColumns, keyRows, { ignoreConflicts: true });
  // The records this import created or changed, for "contacts from import X" (GET /contacts?importId=…).
  await bulkInsert(trx, engine, 'import_records', recordColumns, changed.map((id) => [ctx.importId, 'contact', id]), { ignoreConflicts: true });
  await emitBulkEvents(trx, ctx.bulk, ctx.wanted, 'contact.created', 'contact', events);
  res.created += contactRows.length;
  return res;
}

const updateColumns: BulkColumn[] = [
  ...['id', 'display_name', 'sort_name', 'given_name', 'family_name', 'title', 'company_id', 'external_id', 'emails', 'phones', 'primary_email', 'primary_phone', 'address', 'birthday', 'source', 'lifecycle_stage'].map(text),
  ...consentBulkColumns,
  ...['custom', 'raw_phones', 'source_created_at', 'updated_at'].map(text),
];

/**
 * Applies the drafts to each matched contact; a change gets its own audit entry, like an API update. The changed
 * contacts, their search rows, new tags and audit entries are written in bulk, a few statements per batch.
 */
async function updateMatched(trx: DbOrTrx, ctx: BatchContext, updates: Map<string, { drafts: ContactDraft[]; mode: 'fill' | 'overwrite' }>, companyId: (n: string) => string, res: BatchResult, changed: string[]): Promise<number> {
  const stored = await loadStoredContacts(trx, [...updates.keys()]);
  const now = nowIso();
  const rows: unknown[][] = [];
  const searchRows: unknown[][] = [];
  const tagRows: unknown[][] = [];
  const audits: AuditEntry[] = [];
  const events: BulkRecordEvent[] = [];
  const history = consentHistory(ctx.importId, ctx.actor.id, now);
  const owners = ctx.wanted.has('contact.updated') ? await ownersOf(trx, [...updates.keys()]) : new Map<string, { ownerId: string | null; teamId: string | null }>();
  for (const [id, u] of updates) {
    const before = stored.get(id);
    if (!before) continue;
    let after = before;
    for (const d of u.drafts) after = applyDraft(after, d, u.mode, companyId, now);
    const diff = changedFields(before as never, after as never);
    if (!Object.keys(diff.after).length) {
      res.skipped++;
      continue;
    }
    rows.push([
      id, after.displayName, sortName(after.displayName), after.givenName, after.familyName, after.title, after.companyId, after.externalId, JSON.stringify(after.emails), JSON.stringify(after.phones), after.emails[0] ?? null, after.phones[0] ?? null,
      after.address ? JSON.stringify(after.address) : null, after.birthday, after.source, after.lifecycleStage,
      ...consentCells(after.consent), JSON.stringify(after.customFields), jsonOrNull(after.rawPhones), after.sourceCreatedAt, now,
    ]);
    changed.push(id);
    history.add(id, before.consent, after.consent);
    searchRows.push(contactSearchRow(ctx, id, after));
    for (const t of after.tags) if (!before.tags.includes(t)) tagRows.push(['contact', id, t]);
    audits.push({ actorId: ctx.actor.id ?? 'system', action: 'update', entity: 'contact', entityId: id, ...diff });
    const owner = owners.get(id);
    if (owner) events.push({ entityId: id, payload: { contact: contactEventView(ctx, id, { ...after, tags: [...new Set([...before.tags, ...after.tags])].sort() }, { ...owner, updatedAt: now }), changed: Object.keys(diff.after) } });
  }
  const engine = ctx.db.engine;
  await bulkUpdate(trx, engine, 'contacts', updateColumns, rows);
  await history.write(trx, engine);
  await bulkInsert(trx, engine, 'search_index', searchColumns(engine), searchRows, { upsert: { on: ['entity', 'entity_id'], set: ['doc', 'grams'] } });
  await bulkInsert(trx, engine, 'tags', tagColumns, tagRows, { ignoreConflicts: true });
  await writeAuditBatch(trx, engine, audits);
  await emitBulkEvents(trx, ctx.bulk, ctx.wanted, 'contact.updated', 'contact', events);
  return rows.length;
}

async function ownersOf(trx: DbOrTrx, ids: string[]) {
  const rows = await inChunks(ids, (c) => trx.selectFrom('contacts').select(['id', 'ownerId', 'teamId']).where('id', 'in', c).execute());
  return new Map(rows.map((r) => [r.id, { ownerId: r.ownerId, teamId: r.teamId }]));
}
