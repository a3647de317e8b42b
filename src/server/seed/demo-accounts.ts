// Demo staff: teams, users with one shared password, and the custom fields the demo records fill in.
import type { Db } from '../core/db/database.js';
import { systemActor, type Actor } from '../core/auth/actor.js';
// A team's manager is set after the manager exists, hence updateTeam.
import { createTeam, createUser, updateTeam } from '../modules/accounts/index.js';
import { createCustomField, listCustomFields } from '../modules/customers/index.js';
import { DEMO_DOMAIN, DEMO_PASSWORD, demoStaff, demoTeams, type DemoTeam, type StaffSpec } from './demo-words.js';

export interface StaffMember {
  spec: StaffSpec;
  email: string;
  actor: Actor;
}

export interface Staff {
  members: StaffMember[];
  /** People who own customers: the sales reps and their managers, per sales team. */
  sellersOf(team: DemoTeam): StaffMember[];
  byRole(role: Actor['role']): StaffMember[];
  /** Set when an admin existed before the demo: then no demo admin is made. */
  keptAdmin: string | null;
  /** The admin acting for organisation-wide set-up (custom fields). */
  admin: Actor;
}

export const demoEmail = (login: string) => `${login}@${DEMO_DOMAIN}`;

/** Demo users already present means the demo was seeded before. */
export async function countDemoUsers(db: Db): Promise<number> {
  const r = await db.kysely
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('email', 'like', `%@${DEMO_DOMAIN}`)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function ensureTeams(db: Db, actor: Actor): Promise<Map<DemoTeam, string>> {
  const existing = await db.kysely.selectFrom('teams').select(['id', 'name']).execute();
  const ids = new Map<DemoTeam, string>();
  for (const name of demoTeams) {
    const found = existing.find((t) => t.name === name);
    ids.set(name, found ? found.id : (await createTeam(db, actor, { name })).id);
  }
  return ids;
}

export async function createStaff(db: Db): Promise<Staff> {
  const admin = await db.kysely.selectFrom('users').select(['id', 'name', 'email', 'teamId']).where('role', '=', 'admin').where('active', '=', 1).orderBy('createdAt').executeTakeFirst();
  const specs = demoStaff.filter((s) => !(admin && s.role === 'admin'));
  // Until a demo admin exists, the system acts; afterwards the admin creates the rest, as in real life.
  let creator: Actor = admin ? { id: admin.id, name: admin.name, role: 'admin', teamId: admin.teamId, visibility: 'all' } : systemActor;
  const members: StaffMember[] = [];
  const adminSpec = specs.find((s) => s.role === 'admin');
  if (adminSpec) {
    const user = await createUser(db, systemActor, { email: demoEmail(adminSpec.login), name: adminSpec.name, password: DEMO_PASSWORD, role: 'admin', locale: adminSpec.locale });
    creator = { id: user.id, name: user.name, role: 'admin', teamId: null, visibility: 'all' };
    members.push({ spec: adminSpec, email: user.email, actor: creator });
  }
  const teamIds = await ensureTeams(db, creator);
  for (const spec of specs.filter((s) => s.role !== 'admin')) {
    const teamId = spec.team ? teamIds.get(spec.team)! : null;
    const user = await createUser(db, creator, { email: demoEmail(spec.login), name: spec.name, password: DEMO_PASSWORD, role: spec.role, teamId, locale: spec.locale });
    members.push({ spec, email: user.email, actor: { id: user.id, name: user.name, role: spec.role, teamId, visibility: 'all' } });
    if (spec.leads && spec.team) await updateTeam(db, creator, teamIds.get(spec.team)!, { managerId: user.id });
  }
  return {
    members,
    sellersOf: (team) => members.filter((m) => m.spec.team === team && (m.spec.role === 'sales' || m.spec.role === 'manager')),
    byRole: (role) => members.filter((m) => m.spec.role === role),
    keptAdmin: admin ? admin.email : null,
    admin: creator,
  };
}

/** The demo's custom fields; ones that already exist (same object and key) are left as they are. */
export async function ensureCustomFields(db: Db, actor: Actor): Promise<void> {
  const wanted = [
    { object: 'contact', key: 'vip_level', label: 'VIP 等级 / VIP level', type: 'select', options: ['金卡', '银卡', '普通'] },
    { object: 'contact', key: 'wechat_id', label: '微信号 / WeChat ID', type: 'text' },
    { object: 'contact', key: 'preferred_language', label: '沟通语言 / Preferred language', type: 'select', options: ['中文', 'English'] },
    { object: 'company', key: 'credit_limit', label: '信用额度 / Credit limit', type: 'number' },
    { object: 'company', key: 'contract_renewal', label: '合同续约日 / Contract renewal', type: 'date' },
  ] as const;
  const existing = await listCustomFields(db.kysely);
  for (const f of wanted) {
    if (existing.some((e) => e.object === f.object && e.key === f.key)) continue;
    await createCustomField(db, actor, { ...f, options: 'options' in f ? [...f.options] : undefined });
  }
}
