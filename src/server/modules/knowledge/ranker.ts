// Our own small retrieval ranker over articles: BM25 (k1 1.2, b 0.75) with the title counted three times, plus the
// share of a question's terms an article contains ("coverage"), which the bot uses as its confidence.
import { documentTerms, queryTerms } from './text-terms.js';

export interface RankDoc {
  id: string;
  title: string;
  text: string;
  language: string;
}

export interface Ranked {
  id: string;
  score: number;
  /** The share (0–1) of the question's terms found in this article. */
  coverage: number;
}

const K1 = 1.2;
const B = 0.75;
const TITLE_WEIGHT = 3;
/** Articles in another language than the asker's still count, a little less. */
const OTHER_LANGUAGE = 0.8;

interface Posting {
  doc: number;
  tf: number;
}

export class Bm25Index {
  private readonly postings = new Map<string, Posting[]>();
  private readonly lengths: number[] = [];
  private readonly avgLength: number;

  constructor(private readonly docs: RankDoc[]) {
    let total = 0;
    docs.forEach((d, i) => {
      const counts = new Map<string, number>();
      for (const t of documentTerms(d.title)) counts.set(t, (counts.get(t) ?? 0) + TITLE_WEIGHT);
      for (const t of documentTerms(d.text)) counts.set(t, (counts.get(t) ?? 0) + 1);
      let length = 0;
      for (const [term, tf] of counts) {
        length += tf;
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push({ doc: i, tf });
      }
      this.lengths.push(length);
      total += length;
    });
    this.avgLength = docs.length ? total / docs.length : 1;
  }

  get size(): number {
    return this.docs.length;
  }

  idf(term: string): number {
    const df = this.postings.get(term)?.length ?? 0;
    return Math.log(1 + (this.docs.length - df + 0.5) / (df + 0.5));
  }

  /** Articles that share a term with the question, best first. */
  rank(question: string, opts: { language?: string; limit?: number } = {}): Ranked[] {
    const terms = queryTerms(question);
    if (!terms.length) return [];
    const scores = new Map<number, { score: number; hits: number }>();
    for (const term of terms) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term);
      for (const { doc, tf } of list) {
        const norm = tf + K1 * (1 - B + (B * this.lengths[doc]!) / this.avgLength);
        const s = scores.get(doc) ?? { score: 0, hits: 0 };
        s.score += (idf * tf * (K1 + 1)) / norm;
        s.hits++;
        scores.set(doc, s);
      }
    }
    const out: Ranked[] = [];
    for (const [doc, s] of scores) {
      const d = this.docs[doc]!;
      const boost = !opts.language || d.language === opts.language ? 1 : OTHER_LANGUAGE;
      out.push({ id: d.id, score: s.score * boost, coverage: s.hits / terms.length });
    }
    out.sort((a, b) => b.score - a.score || b.coverage - a.coverage || (a.id < b.id ? -1 : 1));
    return out.slice(0, opts.limit ?? 10);
  }
}

/** The passage of an article that answers a question best: its paragraph with most of the question's terms, and the next
 * one when that is short; cut at a sentence end near `max` characters. */
export function bestPassage(text: string, question: string, max = 600): string {
  const wanted = new Set(queryTerms(question));
  const paragraphs = text.split('\n').map((p) => p.trim()).filter(Boolean);
  if (!paragraphs.length) return '';
  let best = 0;
  let bestHits = -1;
  paragraphs.forEach((p, i) => {
    const terms = new Set(documentTerms(p));
    let hits = 0;
    for (const t of wanted) if (terms.has(t)) hits++;
    if (hits > bestHits) [best, bestHits] = [i, hits];
  });
  let passage = paragraphs[best]!;
  if (passage.length < 120 && paragraphs[best + 1]) passage += '\n' + paragraphs[best + 1];
  if (passage.length <= max) return passage;
  const cut = passage.slice(0, max);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('。'), cut.lastIndexOf('！'), cut.lastIndexOf('？'));
  return end > max / 2 ? cut.slice(0, end + 1) : cut.trimEnd() + '…';
}
