// Turns text into the terms the knowledge ranker counts: English words (lower-case, lightly stemmed) and Chinese
// character bigrams. Documents take every bigram of a Chinese run; questions are cut into words first
// (Intl.Segmenter) so question words (如何, 怎么, 吗…) drop out and no bigram straddles two words.

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const RUNS = /[\u3400-\u9fff\uf900-\ufaff]+|[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

const EN_STOP = new Set(
  ('a an and are as at be been but by can could did do does doing for from get got had has have how i if in into is it its me my no not of on or our ' +
    'please so that the their them then there these they this to too us was we were what when where which who why will with would you your yours ' +
    'hi hello thanks thank anyone someone tell know need want like just also any some about am')
    .split(' '),
);

/** Question and filler words of Chinese: never terms of a question. */
const ZH_STOP = new Set(
  ('请问 你好 您好 谢谢 怎么 怎么样 怎样 如何 什么 为什么 为何 哪里 哪儿 哪个 可以 可不可以 能否 能不能 能 是否 是不是 我们 你们 您们 他们 ' +
    '我 你 您 他 她 它 的 了 吗 呢 吧 啊 呀 嘛 哦 是 在 有 要 想 和 与 及 或 一下 这个 那个 这 那 请 帮 帮忙 一个 就 都 也 还 会 得 地 着 过 把 被 给 让 需要 需不需要')
    .split(' '),
);

/** A light English stemmer: plurals, -ing, -ed, so refunds/refunded/refunding meet refund. */
export function stem(word: string): string {
  let w = word.replace(/['’]s$/, '');
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (/(ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else return w;
  // shipped → shipp → ship; but keep "fall", "pass", "buzz"
  return /([bcdfgkmnprt])\1$/.test(w) ? w.slice(0, -1) : w;
}

function cjkGrams(run: string, out: string[], withUnigrams: boolean): void {
  const chars = [...run];
  if (chars.length === 1) return void out.push(chars[0]!);
  for (let i = 0; i < chars.length; i++) {
    if (withUnigrams) out.push(chars[i]!);
    if (i + 1 < chars.length) out.push(chars[i]! + chars[i + 1]!);
  }
}

/** Every term of a document, repeated as often as it occurs (BM25 counts them). */
export function documentTerms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.normalize('NFKC').toLowerCase().matchAll(RUNS)) {
    const run = m[0];
    if (CJK.test(run[0]!)) cjkGrams(run, out, true);
    else out.push(stem(run));
  }
  return out;
}

/** Pronouns and particles the segmenter sometimes glues to a word; only these are cut off a word's ends. */
const GLUE = new Set([...'我你您他她它的了吗呢吧啊呀嘛哦想']);

/** A word without the pronouns and particles glued to it ("我想" → "", "退款吗" → "退款"; "申请" stays whole). */
function trimStopChars(word: string): string {
  let w = word;
  while (w && !ZH_STOP.has(w)) {
    const chars = [...w];
    if (chars.length > 1 && GLUE.has(chars[0]!)) w = chars.slice(1).join('');
    else if (chars.length > 1 && GLUE.has(chars.at(-1)!)) w = chars.slice(0, -1).join('');
    else break;
  }
  return ZH_STOP.has(w) ? '' : w;
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** The distinct terms of a question: stop words left out, Chinese cut into words and each word into bigrams. */
export function queryTerms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.normalize('NFKC').toLowerCase().matchAll(RUNS)) {
    const run = m[0];
    if (!CJK.test(run[0]!)) {
      if (!EN_STOP.has(run)) out.push(stem(run));
      continue;
    }
    // Single characters in a row ("收/货") are read as one word, since the segmenter's dictionary may not know it.
    let singles = '';
    for (const seg of segmenter.segment(run)) {
      const word = seg.isWordLike ? trimStopChars(seg.segment) : '';
      if ([...word].length === 1) {
        singles += word;
        continue;
      }
      if (singles) cjkGrams(singles, out, false);
      singles = '';
      if (word) cjkGrams(word, out, false);
    }
    if (singles) cjkGrams(singles, out, false);
  }
  return [...new Set(out)];
}
