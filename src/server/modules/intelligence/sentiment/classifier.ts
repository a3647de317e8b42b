// The trained logistic-regression model: loads the shipped JSON once and gives P(positive) with each feature's part in it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface SentimentModelFile {
  version: 1;
  trainedAt: string;
  segmenter: string;
  bias: number;
  weights: Record<string, number>;
  /** How it was trained and how it did on the held-out split. */
  meta: Record<string, unknown>;
}

export interface SentimentModel {
  bias: number;
  weights: Map<string, number>;
  file: SentimentModelFile;
}

export const shippedModelPath = fileURLToPath(new URL('./model/sentiment-model.json', import.meta.url));

let current: SentimentModel | null = null;

export function modelFromFile(file: SentimentModelFile): SentimentModel {
  return { bias: file.bias, weights: new Map(Object.entries(file.weights)), file };
}

/** The model in use: the shipped one unless another was installed (a retrained model, or a test's). */
export function sentimentModel(): SentimentModel {
  if (!current) current = modelFromFile(JSON.parse(readFileSync(shippedModelPath, 'utf8')) as SentimentModelFile);
  return current;
}

export function useSentimentModel(model: SentimentModel | null): void {
  current = model;
}

/** The margin (log-odds of positive) and the features that moved it most, largest part first. */
export function predictMargin(model: SentimentModel, features: Map<string, number>, top = 6): { margin: number; parts: [string, number][] } {
  let margin = model.bias;
  const parts: [string, number][] = [];
  for (const [name, value] of features) {
    const w = model.weights.get(name);
    if (w === undefined) continue;
    margin += w * value;
    parts.push([name, w * value]);
  }
  parts.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
  return { margin, parts: parts.slice(0, top) };
}
