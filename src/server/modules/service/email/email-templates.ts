// Composer templates (subject + body with {{contact.displayName}}-style variables, in English or Chinese): CRUD for
// managers, and rendering against the record a mail is written from.
import { z } from 'zod';
import { visibleTo, type Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db/database.js';
import { AppError, notFound } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import { getCompany, getContact } from '../../customers/index.js';
import { getDealDetail } from '../../sales/index.js';
import type { EmailTemplatesTable } from './email-tables.js';
import { renderTemplate, type TemplateContext } from './render-template.js';

export const templateInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  language: z.enum(['en', 'zh-CN']),
  subject: z.string().trim().min(1).max(300),
  body: z.string().trim().min(1).max(50_000),
});
export const templateSchema = templateInput.extend({ id: z.string(), createdAt: z.string(), updatedAt: z.string() });
export type EmailTemplate = z.infer<typeof templateSchema>;
export const renderInput = z.strictObject({ contactId: z.string().max(100).optional(), companyId: z.string().max(100).optional(), dealId: z.string().max(100).optional(), ticketId: z.string().max(100).optional() });

const toTemplate = (r: EmailTemplatesTable): EmailTemplate => ({ id: r.id, name: r.name, language: r.language as 'en' | 'zh-CN', subject: r.subject, body: r.body, createdAt: r.createdAt, updatedAt: r.updatedAt });

function assertManager(actor: Actor) {
  if (actor.role !== 'admin' && actor.role !== 'manager') throw new AppError('forbidden', 'Only managers and administrators can change e-mail templates');
}

export async function listTemplates(db: Db): Promise<EmailTemplate[]> {
  return (await db.kysely.selectFrom('email_templates').selectAll().orderBy('name').orderBy('id').execute()).map(toTemplate);
}

async function templateRow(db: Db, id: string) {
  const row = await db.kysely.selectFrom('email_templates').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Template');
  return row;
}

export async function saveTemplate(db: Db, actor: Actor, id: string | null, input: z.infer<typeof templateInput>): Promise<EmailTemplate> {
  assertManager(actor);
  const now = nowIso();
  if (id) {
    await templateRow(db, id);
    await db.kysely.updateTable('email_templates').set({ ...input, updatedAt: now }).where('id', '=', id).execute();
  } else {
    id = newId();
    await db.kysely.insertInto('email_templates').values({ id, ...input, createdBy: actor.id === 'system' ? null : actor.id, createdAt: now, updatedAt: now }).execute();
  }
  return toTemplate(await templateRow(db, id));
}

export async function deleteTemplate(db: Db, actor: Actor, id: string): Promise<void> {
  assertManager(actor);
  await templateRow(db, id);
  await db.kysely.deleteFrom('email_templates').where('id', '=', id).execute();
}

/** The values a template may use, each read only when the actor may see that record. */
async function contextFor(db: Db, actor: Actor, q: z.infer<typeof renderInput>): Promise<TemplateContext> {
  const ctx: TemplateContext = { user: await db.kysely.selectFrom('users').select(['name', 'email']).where('id', '=', actor.id).executeTakeFirst() };
  let contactId = q.contactId;
  let companyId = q.companyId;
  if (q.ticketId) {
    const t = await db.kysely.selectFrom('tickets as t').select(['t.number', 't.subject', 't.contactId', 't.companyId']).where('t.id', '=', q.ticketId).where((eb) => visibleTo(eb, actor, 't.assigneeId', 't.teamId')).executeTakeFirst();
    if (!t) throw notFound('Ticket');
    ctx.ticket = { number: Number(t.number), subject: t.subject };
    contactId ??= t.contactId ?? undefined;
    companyId ??= t.companyId ?? undefined;
  }
  if (q.dealId) {
    const d = await getDealDetail(db, actor, q.dealId);
    ctx.deal = { name: d.name };
    contactId ??= d.contacts[0]?.contactId;
    companyId ??= d.companyId ?? undefined;
  }
  if (contactId) {
    const c = await getContact(db, actor, contactId);
    ctx.contact = { displayName: c.displayName, givenName: c.givenName, familyName: c.familyName, email: c.emails[0] ?? null, title: c.title };
    companyId ??= c.companyId ?? undefined;
  }
  if (companyId) ctx.company = { name: (await getCompany(db, actor, companyId)).name };
  return ctx;
}

export async function renderTemplateFor(db: Db, actor: Actor, id: string, q: z.infer<typeof renderInput>): Promise<{ subject: string; body: string }> {
  const t = await templateRow(db, id);
  const ctx = await contextFor(db, actor, q);
  return { subject: renderTemplate(t.subject, ctx), body: renderTemplate(t.body, ctx) };
}
