// Names as comparable tokens: lower-case Latin without accents, and Chinese names as pinyin (张伟 → zhang wei), so
// 张伟 and "Wei Zhang" meet. Pinyin of a name is cached: names repeat a lot in a customer base.
import { pinyin } from 'pinyin-pro';

const cjk = /[\u3400-\u9fff]/;
const compoundSurnames = new Set(['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙', '夏侯', '轩辕', '端木', '独孤', '南宫', '西门', '司徒', '司空', '呼延']);
const cache = new Map<string, string[]>();

/** Pinyin without the diaeresis (吕 → lu), as Latin spellings write it (Lu, or Lv which tokens cannot match). */
const plain = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** Pinyin per character, cached: a customer base has a few thousand distinct characters but a million names. */
const charCache = new Map<string, string>();
const surnameCache = new Map<string, string>();
function syllables(han: string): string {
  let out = '';
  for (const c of han) {
    let py = charCache.get(c);
    if (py === undefined) charCache.set(c, (py = plain(pinyin(c, { toneType: 'none' }))));
    out += py;
  }
  return out;
}

function latinTokens(s: string): string[] {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9\u3400-\u9fff]+/)
    .filter(Boolean);
}

/** A Chinese name as [family, given] in pinyin; the given name's syllables are one token, as it is written in Latin. */
function chineseTokens(name: string, family: string | null): string[] {
  const han = [...name].filter((c) => cjk.test(c)).join('');
  const fam = family && cjk.test(family) && han.startsWith(family) ? family : compoundSurnames.has(han.slice(0, 2)) ? han.slice(0, 2) : han.slice(0, 1);
  const given = han.slice(fam.length);
  let famPy = surnameCache.get(fam);
  if (famPy === undefined) surnameCache.set(fam, (famPy = plain(pinyin(fam, { toneType: 'none', type: 'array', surname: 'all' }).join(''))));
  return given ? [famPy, syllables(given)] : [famPy];
}

export interface NameTokens {
  tokens: string[];
  /** True when the tokens came from Chinese characters, so a reason can say "via pinyin". */
  pinyin: boolean;
}

export function nameTokens(displayName: string, familyName: string | null = null): NameTokens {
  const key = familyName ? `${displayName}\u0000${familyName}` : displayName;
  let tokens = cache.get(key);
  const isCjk = cjk.test(displayName);
  if (!tokens) {
    tokens = isCjk ? chineseTokens(displayName, familyName) : latinTokens(displayName);
    if (cache.size > 200_000) cache.clear();
    cache.set(key, tokens);
  }
  return { tokens, pinyin: isCjk };
}

/** Order-free name key: tokens sorted, so "Zhang Wei" and "Wei Zhang" compare equal. */
export const nameKey = (tokens: string[]): string => [...tokens].sort().join(' ');

/** The name run together in both orders ("simaqiang", "qiangsima"), so "Si Ma Qiang" meets 司马强. */
export const compactForms = (tokens: string[]): [string, string] => [tokens.join(''), [...tokens].reverse().join('')];
