// Reads the labelled sets in shared/datasets/sentiment and splits them into train / validation / test by a fixed hash.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

export interface LabelledText {
  text: string;
  label: 0 | 1;
  language: 'zh' | 'en';
  /** Product category or source (kept to report accuracy per domain). */
  domain: string;
  split: 'train' | 'valid' | 'test';
}

/** Where the data sets live: $RAPPORT_SENTIMENT_DATA, or ../shared/datasets/sentiment beside the repository. */
export function datasetDir(cwd = process.cwd()): string {
  const candidates = [process.env.RAPPORT_SENTIMENT_DATA, path.resolve(cwd, '../shared/datasets/sentiment'), path.resolve(cwd, 'shared/datasets/sentiment')];
  const found = candidates.find((c) => c && existsSync(path.join(c, 'zh-reviews-train.csv')));
  if (!found) throw new Error('sentiment data sets not found: set RAPPORT_SENTIMENT_DATA to the folder holding zh-reviews-train.csv');
  return found;
}

// FNV-1a over the text: the split depends on the row's content only, never on file order or on a run.
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h / 4294967296;
}

function splitOf(text: string, testShare: number): LabelledText['split'] {
  const u = hash('rapport-sentiment:' + text);
  return u < testShare ? 'test' : u < testShare + 0.1 ? 'valid' : 'train';
}

/** Both sets; Chinese keeps 10 % for test and English 20 % (it has only 2,000 rows, so its test needs more of them). */
export function loadSentimentData(dir = datasetDir()): LabelledText[] {
  const out: LabelledText[] = [];
  const seen = new Set<string>();
  const read = (file: string, language: 'zh' | 'en', testShare: number) => {
    const rows = parse(readFileSync(path.join(dir, file), 'utf8'), { columns: true, skip_empty_lines: true, relax_quotes: true }) as Record<string, string>[];
    for (const r of rows) {
      const text = (r.text ?? '').trim();
      if (!text || seen.has(text)) continue; // a duplicate would sit on both sides of the split
      seen.add(text);
      out.push({ text, label: r.label === '1' ? 1 : 0, language, domain: r.category ?? r.source ?? '', split: splitOf(text, testShare) });
    }
  };
  read('zh-reviews-train.csv', 'zh', 0.1);
  read('en-sentences-train.csv', 'en', 0.2);
  return out;
}
