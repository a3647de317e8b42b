// Splits Chinese, English and mixed text into tokens: Chinese words (jieba, or Intl.Segmenter where jieba cannot load), English words, clause breaks.
import { createRequire } from 'node:module';

export type TokenKind = 'zh' | 'en' | 'break' | 'bang' | 'emoji';
export interface Token {
  t: string;
  kind: TokenKind;
}

type Cutter = (run: string) => string[];
let cutter: Cutter | null = null;
let cutterName = '';

function loadCutter(): Cutter {
  if (cutter) return cutter;
  try {
    const require = createRequire(import.meta.url);
    const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict.js') as { dict: Uint8Array };
    const jieba = Jieba.withDict(dict);
    cutter = (run) => jieba.cut(run, false);
    cutterName = 'jieba';
  } catch {
    const seg = new Intl.Segmenter('zh', { granularity: 'word' });
    cutter = (run) => Array.from(seg.segment(run), (s) => s.segment);
    cutterName = 'intl';
  }
  return cutter;
}

/** Which Chinese segmenter is in use ('jieba' or 'intl'), loading it if needed. */
export function segmenterName(): string {
  loadCutter();
  return cutterName;
}

// Contractions become two words so that "don't" carries a plain "not".
const contractions: [RegExp, string][] = [
  [/\bcan[’']t\b/g, 'can not'],
  [/\bwon[’']t\b/g, 'will not'],
  [/\bain[’']t\b/g, 'is not'],
  [/n[’']t\b/g, ' not'],
  [/\b(?:dont|doesnt|didnt|isnt|wasnt|arent|werent|couldnt|wouldnt|shouldnt|havent|hasnt)\b/g, '$& not'],
  [/[’']s\b/g, ''],
];

const tokenPattern = /(\p{Script=Han}+)|([a-z][a-z0-9]*(?:[’'-][a-z]+)*|\d+(?:\.\d+)?)|([!！]+)|([?？。，,.;；:：~～…\n、]+|\s[-–—]\s)|(\p{Extended_Pictographic}|:\)|:\(|:-\)|:-\()/gu;

/** Normalises (NFKC, lower case, contractions) and tokenises a text. */
export function tokenize(text: string): Token[] {
  let s = text.normalize('NFKC').toLowerCase();
  for (const [re, to] of contractions) s = s.replace(re, to);
  const cut = loadCutter();
  const out: Token[] = [];
  for (const m of s.matchAll(tokenPattern)) {
    if (m[1]) {
      for (const w of cut(m[1])) out.push({ t: w, kind: 'zh' });
    } else if (m[2]) {
      if (m[2].endsWith('not') && m[2] !== 'not' && m[2].length > 3 && /(?:do|does|did|is|was|are|were|could|would|should|have|has)not$/.test(m[2])) {
        out.push({ t: m[2].slice(0, -3), kind: 'en' }, { t: 'not', kind: 'en' });
      } else out.push({ t: m[2], kind: 'en' });
    } else if (m[3]) out.push({ t: '!', kind: 'bang' });
    else if (m[4]) out.push({ t: m[4].trim(), kind: 'break' });
    else if (m[5]) out.push({ t: m[5], kind: 'emoji' });
  }
  return out;
}
