// Sentiment bench: throughput of the analyser on one core and accuracy per language on the held-out split (rows the
// shipped model was never trained on). Needs ../shared/datasets/sentiment (or RAPPORT_SENTIMENT_DATA); no training.
import { analyseSentiment } from '../src/server/modules/intelligence/index.js';
import { loadSentimentData } from '../src/server/modules/intelligence/sentiment/train/sentiment-data.js';

export interface SentimentBenchResult {
  language: 'zh' | 'en';
  rows: number;
  accuracy: number;
  neutralShare: number;
  messagesPerSecond: number;
}

export async function runSentimentBench(log: (s: string) => void = console.log): Promise<SentimentBenchResult[]> {
  const test = loadSentimentData().filter((d) => d.split === 'test');
  analyseSentiment('预热 warm-up'); // loads the segmenter's dictionary and the model outside the timing
  const out: SentimentBenchResult[] = [];
  for (const language of ['zh', 'en'] as const) {
    const rows = test.filter((d) => d.language === language);
    let right = 0;
    let neutral = 0;
    for (const d of rows) {
      const r = analyseSentiment(d.text);
      if (r.sentiment === 'neutral') neutral++;
      // Polarity accuracy: the sets are positive/negative only, so a neutral answer counts by the sign of its score.
      if ((r.score >= 0 ? 1 : 0) === d.label) right++;
    }
    // Throughput: repeat the set until at least two seconds have passed, on this one thread.
    let n = 0;
    const started = performance.now();
    while (performance.now() - started < 2000) for (const d of rows) analyseSentiment(d.text), n++;
    const seconds = (performance.now() - started) / 1000;
    const avgChars = rows.reduce((a, d) => a + d.text.length, 0) / rows.length;
    const res = { language, rows: rows.length, accuracy: right / rows.length, neutralShare: neutral / rows.length, messagesPerSecond: n / seconds };
    out.push(res);
    log(`sentiment ${language}: accuracy ${(res.accuracy * 100).toFixed(1)} % on ${res.rows} held-out rows (${(res.neutralShare * 100).toFixed(1)} % answered neutral), ${Math.round(res.messagesPerSecond).toLocaleString('en')} messages/s on one core (avg ${avgChars.toFixed(0)} chars)`);
  }
  return out;
}
