// The offline analyser: word lists and rules plus the trained classifier give a sentiment, a score, an emotion and the cues behind them.
import { featurize } from './features.js';
import { predictMargin, sentimentModel, type SentimentModel } from './classifier.js';
import type { RuleResult } from './rule-scorer.js';

export const sentiments = ['positive', 'neutral', 'negative'] as const;
export type Sentiment = (typeof sentiments)[number];
export const emotionLabels = ['anger', 'disappointment', 'anxiety', 'joy', 'gratitude', 'neutral'] as const;
export type Emotion = (typeof emotionLabels)[number];

export interface SentimentResult {
  sentiment: Sentiment;
  /** -1 (most negative) … 1 (most positive). */
  score: number;
  emotion: Emotion;
  /** 0..1: how sure the analyser is of the sentiment. */
  confidence: number;
  /** The words that drove it, strongest first ("不 满意", "very slow"). */
  cues: string[];
  language: 'zh' | 'en' | 'mixed';
}

const NEUTRAL_BAND = 0.2; // |score| below this is neutral
const NEUTRAL_BAND_NO_CUES = 0.6; // without a single word-list cue the classifier must be surer than this
const NEUTRAL_BAND_QUESTION = 0.95; // a question or request without a sentiment word is almost always neutral

// Reviews taught the classifier that questions lean negative; a customer's plain question is not.
const question = /(?:[?？]|[吗呢嘛][。.!！~～]*)\s*$|^\s*(?:请问|请|麻烦|您好|你好|hi|hello|could|can|would|please|do you|is there|what|when|where|how)\b/iu;

function pickEmotion(sentiment: Sentiment, score: number, e: RuleResult['emotion'], bangs: number, caps: number): Emotion {
  if (sentiment === 'negative') {
    const anger = e.anger + (bangs >= 2 ? 1 : 0) + (caps > 0.6 ? 1.5 : 0) + (score < -0.9 && e.anger > 0 ? 0.5 : 0);
    const ranked = ([['anger', anger], ['anxiety', e.anxiety], ['disappointment', e.disappointment]] as const).slice().sort((a, b) => b[1] - a[1]);
    if (ranked[0][1] >= 1) return ranked[0][0];
    return 'disappointment';
  }
  if (sentiment === 'positive') {
    if (e.gratitude >= 1 && e.gratitude >= e.joy) return 'gratitude';
    return e.joy > 0 || score > 0.5 ? 'joy' : 'neutral';
  }
  if (e.gratitude >= 2) return 'gratitude';
  if (e.anxiety >= 1.2) return 'anxiety';
  if (e.anger >= 2) return 'anger';
  return 'neutral';
}

function modelCue(name: string): string | null {
  if (name[0] !== 'w' && name[0] !== 'b') return null;
  const body = name.slice(1).replace('_', ' ');
  return body.startsWith('!') ? `(not) ${body.slice(1)}` : body;
}

/** Analyses one text with the shipped (or installed) model. */
export function analyseSentiment(text: string, model: SentimentModel = sentimentModel()): SentimentResult {
  const { features, rules, zhShare, caps } = featurize(text);
  const { margin, parts } = predictMargin(model, features, 8);
  const p = 1 / (1 + Math.exp(-margin));
  const score = Math.round((2 * p - 1) * 1000) / 1000;
  const band = rules.hits.length ? NEUTRAL_BAND : question.test(text.trim()) ? NEUTRAL_BAND_QUESTION : NEUTRAL_BAND_NO_CUES;
  const sentiment: Sentiment = Math.abs(score) < band ? 'neutral' : score > 0 ? 'positive' : 'negative';
  const sign = sentiment === 'negative' ? -1 : 1;
  const cues: string[] = [];
  const ruleCues = [...rules.hits].sort((a, b) => sign * b.value - sign * a.value);
  for (const h of ruleCues) if ((sentiment === 'neutral' || h.value * sign > 0) && !cues.includes(h.cue)) cues.push(h.cue);
  for (const [name, part] of parts) {
    if (cues.length >= 5) break;
    const cue = modelCue(name);
    // Only words that moved the score noticeably: small parts are mostly function words ("so", "for the").
    if (cue && part * sign >= 0.3 && sentiment !== 'neutral' && !cues.some((c) => c.includes(cue))) cues.push(cue);
  }
  const emotion = pickEmotion(sentiment, score, rules.emotion, rules.bangs, caps);
  const confidence = Math.round((sentiment === 'neutral' ? 1 - Math.abs(score) / band / 2 : Math.abs(score)) * 1000) / 1000;
  const language = zhShare >= 0.8 ? 'zh' : zhShare <= 0.2 ? 'en' : 'mixed';
  return { sentiment, score, emotion, confidence, cues: cues.slice(0, 5), language };
}
