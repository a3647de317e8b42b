// `rapport intelligence train-sentiment`: trains from shared/datasets/sentiment plus the company's corrections and writes the model file.
import { writeFileSync } from 'node:fs';
import type { Db } from '../../../../core/db/database.js';
import { shippedModelPath, modelFromFile, useSentimentModel } from '../classifier.js';
import { loadSentimentData } from './sentiment-data.js';
import { trainSentiment, type Correction, type TrainReport } from './train-sentiment.js';

/** The agents' corrections that say positive or negative (neutral ones teach the binary classifier nothing). */
export async function loadCorrections(db: Db): Promise<Correction[]> {
  const rows = await db.kysely.selectFrom('sentiment_corrections').select(['text', 'sentiment']).where('sentiment', 'in', ['positive', 'negative']).execute();
  return rows.filter((r) => r.text.trim()).map((r) => ({ text: r.text, label: r.sentiment === 'positive' ? 1 : 0 }));
}

export async function runSentimentTraining(opts: { db?: Db; dataDir?: string; out?: string; log: (s: string) => void }): Promise<TrainReport> {
  const data = loadSentimentData(opts.dataDir);
  const corrections = opts.db ? await loadCorrections(opts.db) : [];
  opts.log(`training on ${data.filter((d) => d.split !== 'test').length} labelled texts and ${corrections.length} corrections`);
  const { model, report } = trainSentiment(data, corrections, { log: opts.log });
  const out = opts.out ?? shippedModelPath;
  writeFileSync(out, JSON.stringify(model));
  if (out === shippedModelPath) useSentimentModel(modelFromFile(model));
  return report;
}
