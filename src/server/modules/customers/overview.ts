// GET /contacts/:id/overview and /companies/:id/overview: the 360° view in one call.
import type { Ctx } from '../../core/http/request-context.js';
import { getContact, mapContactRows, type ContactRow } from './contact-repository.js';
import { findCompanyRow, getCompany, toCompany } from './company-repository.js';
import { collectOverview, registerOverviewContributor, type OverviewSection } from './overview-registry.js';
import { canSee } from '../../core/auth/actor.js';
import { visibleToSql } from '../../core/auth/record-scope.js';
import type { Contact } from './schemas.js';
import { sql } from 'kysely';

const lifted = ['recentInteractions', 'openTasks'];

function split(sections: OverviewSection[]) {
  const top: Record<string, unknown[]> = { recentInteractions: [], openTasks: [] };
  for (const s of sections) if (lifted.includes(s.key)) top[s.key] = s.items;
  return { top, rest: sections.filter((s) => !lifted.includes(s.key)) };
}

export async function contactOverview(ctx: Ctx, id: string) {
  const contact = await getContact(ctx.db, ctx.actor, id);
  const companyRow = contact.companyId ? await findCompanyRow(ctx.db.kysely, contact.companyId, ctx.actor) : undefined;
  const company = companyRow && canSee(ctx.actor, companyRow) ? toCompany(companyRow, []) : null;
  const { sections, scores } = await collectOverview(ctx, 'contact', id);
  const { top, rest } = split(sections);
  return { contact, company, scores, recentInteractions: top.recentInteractions!, openTasks: top.openTasks!, sections: rest };
}

export async function companyOverview(ctx: Ctx, id: string) {
  const company = await getCompany(ctx.db, ctx.actor, id);
  // Scoped in SQL, so hidden contacts neither show nor take places among the 50.
  const rows = (await sql<ContactRow>`select r.*, null as company_name, u.name as owner_name from contacts r left join users u on u.id = r.owner_id
    where r.company_id = ${id} and ${visibleToSql(ctx.actor, 'r')} order by r.display_name limit 50`.execute(ctx.db.kysely)).rows.map((r) => ({ ...r, companyName: company.name }));
  const contacts = await mapContactRows(ctx.db.kysely, rows);
  const { sections, scores } = await collectOverview(ctx, 'company', id);
  const { top, rest } = split(sections);
  return { company, contacts, scores, recentInteractions: top.recentInteractions!, openTasks: top.openTasks!, sections: rest };
}

const profileFields: (keyof Contact)[] = ['emails', 'phones', 'title', 'companyId', 'address', 'birthday', 'source', 'ownerId'];

/** Profile completeness: how many of the fields a salesperson needs are filled in. */
registerOverviewContributor({
  key: 'profile',
  title: 'Profile',
  objects: ['contact'],
  async scores(ctx, _object, id) {
    const c = await getContact(ctx.db, ctx.actor, id);
    const filled = profileFields.filter((f) => {
      const v = c[f];
      return Array.isArray(v) ? v.length > 0 : v !== null && v !== undefined && v !== '';
    }).length;
    return [{ key: 'completeness', label: 'Profile completeness', value: Math.round((filled / profileFields.length) * 100), max: 100 }];
  },
});
