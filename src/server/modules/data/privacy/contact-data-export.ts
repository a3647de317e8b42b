// Everything Rapport holds about one person, as one JSON document (a data subject access request).
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { nowIso } from '../../../core/ids.js';
import { contactDataParticipants, getCompany, getContact, listCustomFields } from '../../customers/index.js';

export async function contactDataExport(db: Db, actor: Actor, contactId: string) {
  const contact = await getContact(db, actor, contactId); // 404 when missing or not visible
  const fields = await listCustomFields(db.kysely, 'contact');
  const company = contact.companyId ? await getCompany(db, actor, contact.companyId).catch(() => null) : null;
  const audit = await db.kysely
    .selectFrom('auditLog')
    .leftJoin('users', 'users.id', 'auditLog.actorId')
    .select(['auditLog.seq', 'auditLog.at', 'auditLog.action', 'auditLog.actorId', 'users.name as actorName', 'auditLog.before', 'auditLog.after'])
    .where('auditLog.entity', '=', 'contact')
    .where('auditLog.entityId', '=', contactId)
    .orderBy('auditLog.seq')
    .execute();
  const related: Record<string, unknown> = {};
  for (const p of contactDataParticipants()) related[p.key] = await p.exportFor(db.kysely, contactId);
  return {
    exportedAt: nowIso(),
    subject: { type: 'contact', id: contactId },
    contact,
    customFields: fields.filter((f) => contact.customFields[f.key] !== undefined).map((f) => ({ key: f.key, label: f.label, type: f.type, value: contact.customFields[f.key] })),
    tags: contact.tags,
    company: company && { id: company.id, name: company.name, domain: company.domain },
    auditEntries: audit.map((e) => ({ ...e, before: e.before ? JSON.parse(e.before) : null, after: e.after ? JSON.parse(e.after) : null })),
    related,
  };
}
