// The help-centre address of an article: its title in ASCII (Chinese as pinyin), made unique with -2, -3….
import { pinyin } from 'pinyin-pro';
import type { DbOrTrx } from '../../core/db/database.js';

export function slugFromTitle(title: string): string {
  const ascii = pinyin(title, { toneType: 'none', nonZh: 'consecutive', separator: ' ' })
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '');
  return slug || 'article';
}

/** The wanted slug, or the first of wanted-2, wanted-3… that no other article has. */
export async function uniqueSlug(db: DbOrTrx, wanted: string, exceptId?: string): Promise<string> {
  const taken = new Set(
    (await db.selectFrom('kbArticles').select(['slug', 'id']).where((eb) => eb.or([eb('slug', '=', wanted), eb('slug', 'like', `${wanted}-%`)])).execute())
      .filter((r) => r.id !== exceptId)
      .map((r) => r.slug),
  );
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}
