// Turns a text into the classifier's sparse features: words (negation-marked), English word pairs, Chinese character pairs, lexicon scores.
import { tokenize } from './segmenter.js';
import { scoreRules, type RuleResult } from './rule-scorer.js';

export interface Featurized {
  /** Feature name → value (1 for an n-gram that occurs). */
  features: Map<string, number>;
  rules: RuleResult;
  /** Share of the words that are Chinese (0..1). */
  zhShare: number;
  /** Share of the letters written in capitals (shouting), for English. */
  caps: number;
}

const hanRun = /\p{Script=Han}+/gu;

/** Extracts features from a text; the same function serves training and prediction, so they never drift apart. */
export function featurize(text: string): Featurized {
  const tokens = tokenize(text);
  const rules = scoreRules(tokens);
  const f = new Map<string, number>();
  let zh = 0;
  let en = 0;
  let prev = '';
  for (const m of rules.marked) {
    if (m.t === '|') {
      prev = '';
      continue;
    }
    if (m.zh) zh++;
    else en++;
    // A word's weight follows its clause: halved before 但是/but, raised after it (the same rule as the word lists').
    const v = Math.max(m.w, f.get('w' + m.t) ?? 0);
    f.set('w' + m.t, v);
    if (!m.zh) {
      if (prev) f.set('b' + prev + '_' + m.t, v);
      prev = m.t;
    } else prev = '';
  }
  for (const run of text.normalize('NFKC').matchAll(hanRun)) {
    const r = run[0];
    for (let i = 0; i + 1 < r.length; i++) f.set('c' + r[i] + r[i + 1], 1);
  }
  const zhShare = zh + en ? zh / (zh + en) : 0;
  const lp = Math.log1p(rules.pos);
  const ln = Math.log1p(rules.neg);
  if (zhShare > 0) {
    f.set('Lz+', lp * zhShare);
    f.set('Lz-', ln * zhShare);
    f.set('Bz', zhShare);
  }
  if (zhShare < 1) {
    f.set('Le+', lp * (1 - zhShare));
    f.set('Le-', ln * (1 - zhShare));
    f.set('Be', 1 - zhShare);
  }
  if (rules.bangs) f.set('!', Math.min(rules.bangs, 3));
  const letters = text.replace(/[^A-Za-z]/g, '');
  const caps = letters.length >= 6 ? letters.replace(/[^A-Z]/g, '').length / letters.length : 0;
  return { features: f, rules, zhShare, caps };
}
