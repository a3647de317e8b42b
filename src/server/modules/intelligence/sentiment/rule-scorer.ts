// The lexicon-and-rules half of the analyser: sentiment words weighted by negation, degree and contrast, and emotion cues.
import type { Token } from './segmenter.js';
import { zhConcession, zhContrast, zhDegree, zhEmotion, zhNegators, zhSentiment } from './lexicon/zh-lexicon.js';
import { enConcession, enContrast, enDegree, enEmotion, enNegators, enSentiment } from './lexicon/en-lexicon.js';

export const emotions = ['anger', 'disappointment', 'anxiety', 'joy', 'gratitude'] as const;
export type CueEmotion = (typeof emotions)[number];

export interface RuleHit {
  /** The words as written, with their negator or degree word ("不 满意", "very slow"). */
  cue: string;
  value: number;
}

export interface RuleResult {
  pos: number;
  neg: number;
  hits: RuleHit[];
  emotion: Record<CueEmotion, number>;
  /** Exclamation marks and all-caps shouting. */
  bangs: number;
  /** Tokens as the classifier sees them: words in a negator's reach get a '!' in front (the negator itself is not
   * a word of its own there, else "not" alone outweighs "not bad"); '|' ends a clause. */
  marked: { t: string; zh: boolean; w: number; s: number }[];
}

const lang = {
  zh: { sentiment: zhSentiment, negators: zhNegators, degree: zhDegree, contrast: zhContrast, concession: zhConcession, emotion: zhEmotion, reach: 3, sep: '' },
  en: { sentiment: enSentiment, negators: enNegators, degree: enDegree, contrast: enContrast, concession: enConcession, emotion: enEmotion, reach: 3, sep: ' ' },
};

const sentenceEnd = /[。.!?！？\n…]/;

interface Pending {
  hit: RuleHit;
  weight: number;
  sentence: number;
  emotion: [CueEmotion, number][];
}

/** Scores the tokens of one text. */
export function scoreRules(tokens: Token[]): RuleResult {
  const items: Pending[] = [];
  const marked: RuleResult['marked'] = [];
  let sentence = 0;
  let weight = 1;
  let negScope = 0; // how many following words a negator still reaches (for marking)
  let bangs = 0;
  let clauseStart = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.kind === 'break' || tok.kind === 'bang') {
      if (tok.kind === 'bang') bangs++;
      if (sentenceEnd.test(tok.t) || tok.kind === 'bang') {
        sentence++;
        weight = 1;
      }
      negScope = 0;
      clauseStart = i + 1;
      marked.push({ t: '|', zh: false, w: 1, s: sentence });
      continue;
    }
    if (tok.kind === 'emoji') {
      const v = /[😡🤬👎💩😤😠]|:-?\(/u.test(tok.t) ? -2 : /[😊😀😁😄😍👍❤🥰🙏😃]|:-?\)/u.test(tok.t) ? 2 : 0;
      if (v) items.push({ hit: { cue: tok.t, value: v }, weight, sentence, emotion: v < 0 ? [['anger', 1]] : tok.t === '🙏' ? [['gratitude', 1]] : [['joy', 1]] });
      continue;
    }
    const L = lang[tok.kind];
    const w = tok.t;
    marked.push({ t: negScope > 0 ? '!' + w : w, zh: tok.kind === 'zh', w: weight, s: sentence });
    if (negScope > 0) negScope--;
    if (L.contrast.has(w)) {
      for (const it of items) if (it.sentence === sentence) it.weight *= 0.5;
      for (const m of marked) if (m.s === sentence) m.w *= 0.5;
      weight = 1.5;
      continue;
    }
    if (L.concession.has(w)) {
      weight = 0.5;
      continue;
    }
    if (L.negators.has(w)) {
      marked.pop();
      negScope = tok.kind === 'zh' ? 2 : 4;
      continue;
    }
    const next = tokens[i + 1];
    if (L.degree.has(w) && next && next.kind === tok.kind && (L.sentiment.has(next.t) || L.negators.has(next.t))) continue;
    const v = L.sentiment.get(w);
    const emo = emotions.filter((e) => L.emotion[e].has(w)).map((e) => [e, L.emotion[e].get(w)!] as [CueEmotion, number]);
    if (v === undefined && emo.length === 0) continue;
    // Look back within the clause for negators and degree words.
    let negated = false;
    let degree = 1;
    const words: string[] = [w];
    for (let j = i - 1; j >= Math.max(clauseStart, i - L.reach); j--) {
      const p = tokens[j]!;
      if (p.kind !== tok.kind) break;
      if (L.negators.has(p.t)) {
        negated = !negated;
        if (L.degree.has(p.t)) degree *= L.degree.get(p.t)!;
        words.unshift(p.t);
      } else if (L.degree.has(p.t)) {
        degree *= L.degree.get(p.t)!;
        words.unshift(p.t);
      } else if (tok.kind === 'zh' && (L.sentiment.has(p.t) || L.contrast.has(p.t))) break;
    }
    let value = v ?? 0;
    if (negated) value = value > 0 ? -0.8 * value : -0.5 * value;
    value *= degree;
    const emotion: [CueEmotion, number][] = [];
    for (const [e, s] of emo) {
      if (!negated) emotion.push([e, s * degree]);
      else if (e === 'joy') emotion.push(['disappointment', s]);
    }
    if (negated && v !== undefined && v > 0 && emo.length === 0) emotion.push(['disappointment', 0.5]);
    items.push({ hit: { cue: words.join(L.sep), value }, weight, sentence, emotion });
  }
  let pos = 0;
  let neg = 0;
  const emotion = Object.fromEntries(emotions.map((e) => [e, 0])) as Record<CueEmotion, number>;
  const hits: RuleHit[] = [];
  for (const it of items) {
    const v = it.hit.value * it.weight;
    if (v > 0) pos += v;
    else neg -= v;
    if (v !== 0) hits.push({ cue: it.hit.cue, value: v });
    for (const [e, s] of it.emotion) emotion[e] += s * it.weight;
  }
  return { pos, neg, hits, emotion, bangs, marked };
}
