// Knowledge categories: English and Chinese names, an order, and how many articles each holds.
import type { Db, DbOrTrx } from '../../core/db/database.js';
import type { Actor } from '../../core/auth/actor.js';
import { notFound } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { writeAudit } from '../../core/audit/audit-log.js';
import type { Category, CategoryInput } from './schemas.js';

export async function listCategories(db: DbOrTrx, opts: { publishedOnly?: boolean; language?: string } = {}): Promise<Category[]> {
  const rows = await db.selectFrom('kbCategories').selectAll().orderBy('position').orderBy('nameEn').limit(500).execute();
  let counts = db.selectFrom('kbArticles').select(['categoryId', (eb) => eb.fn.countAll<number>().as('n')]).where('categoryId', 'is not', null);
  if (opts.publishedOnly) counts = counts.where('status', '=', 'published');
  if (opts.language) counts = counts.where('language', '=', opts.language as 'en');
  const byId = new Map((await counts.groupBy('categoryId').execute()).map((r) => [r.categoryId, Number(r.n)]));
  return rows.map((r) => ({ id: r.id, nameEn: r.nameEn, nameZh: r.nameZh, position: Number(r.position), articleCount: byId.get(r.id) ?? 0 }));
}

async function getCategory(db: DbOrTrx, id: string): Promise<Category> {
  const found = (await listCategories(db)).find((c) => c.id === id);
  if (!found) throw notFound('Category');
  return found;
}

export async function createCategory(db: Db, actor: Actor, input: CategoryInput): Promise<Category> {
  const id = newId();
  const now = nowIso();
  const last = await db.kysely.selectFrom('kbCategories').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst();
  const position = input.position ?? Number(last?.p ?? -1) + 1;
  await db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('kbCategories').values({ id, nameEn: input.nameEn, nameZh: input.nameZh ?? null, position, createdAt: now, updatedAt: now }).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'create', entity: 'kb_category', entityId: id, after: { ...input, position } });
  });
  return getCategory(db.kysely, id);
}

export async function updateCategory(db: Db, actor: Actor, id: string, patch: Partial<CategoryInput>): Promise<Category> {
  const before = await getCategory(db.kysely, id);
  await db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('kbCategories').set({ ...patch, updatedAt: nowIso() }).where('id', '=', id).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'kb_category', entityId: id, before, after: patch });
  });
  return getCategory(db.kysely, id);
}

/** Its articles stay, without a category. */
export async function deleteCategory(db: Db, actor: Actor, id: string): Promise<void> {
  const before = await getCategory(db.kysely, id);
  await db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('kbArticles').set({ categoryId: null }).where('categoryId', '=', id).execute();
    await trx.deleteFrom('kbCategories').where('id', '=', id).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'delete', entity: 'kb_category', entityId: id, before });
  });
}
