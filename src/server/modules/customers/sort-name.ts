// The stored sort key of a contact's or company's name (contacts.sort_name, companies.sort_name): lower-case, accents
// dropped, Han characters as toneless pinyin syllables separated by spaces, so 张三 → "zhang san" sorts between
// "Zhang" and "Zhao" on both engines with a plain binary-ordered index.
import { pinyin } from 'pinyin-pro';

const han = /[\u3400-\u9fff\uf900-\ufaff]/;
const plain = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** Names repeat a lot in a customer base (and a backfill reads a million): keep the latest few thousand. */
const cache = new Map<string, string>();

export function sortName(name: string | null | undefined): string {
  const s = (name ?? '').trim();
  if (!han.test(s)) return plain(s).replace(/\s+/g, ' ');
  let key = cache.get(s);
  if (key !== undefined) return key;
  // surname: 'head' reads the first character as a family name (曾 zeng, 单 shan), which is what a name list starts with.
  const parts = pinyin(s, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' });
  key = plain(parts.join(' ')).replace(/\s+/g, ' ').trim();
  if (cache.size > 20_000) cache.clear();
  cache.set(s, key);
  return key;
}
