// zod schemas of the sentiment API: results, the badge query, an agent's correction, trying the analyser.
import { z } from 'zod';
import { sentimentItemKinds } from '../tables.js';
import { emotionLabels, sentiments } from './analyse-sentiment.js';

export const sentimentSchema = z.object({
  kind: z.enum(sentimentItemKinds),
  itemId: z.string(),
  sentiment: z.enum(sentiments),
  score: z.number(),
  emotion: z.enum(emotionLabels),
  confidence: z.number(),
  cues: z.array(z.string()),
  language: z.enum(['zh', 'en', 'mixed']),
  source: z.enum(['model', 'agent']),
  analysedAt: z.string(),
});

export const sentimentQuery = z.strictObject({
  kind: z.enum(sentimentItemKinds),
  ids: z
    .string()
    .max(20_000)
    .transform((s) => [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(64)).min(1).max(200)),
});

export const correctionParams = z.strictObject({ kind: z.enum(sentimentItemKinds), id: z.string().max(64) });
export const correctionInput = z.strictObject({ sentiment: z.enum(sentiments), emotion: z.enum(emotionLabels) });
export const analyseInput = z.strictObject({ text: z.string().min(1).max(20_000) });
export const analyseOutput = z.object({
  sentiment: z.enum(sentiments),
  score: z.number(),
  emotion: z.enum(emotionLabels),
  confidence: z.number(),
  cues: z.array(z.string()),
  language: z.enum(['zh', 'en', 'mixed']),
});

export const conversationSentimentQuery = z.strictObject({ ids: z.string().max(8000).transform((v) => [...new Set(v.split(',').map((x) => x.trim()).filter(Boolean))]).pipe(z.array(z.string().max(100)).max(200)) });
