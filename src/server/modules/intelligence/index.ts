// Intelligence: understanding customers from the company's own data, offline. So far: sentiment and emotion of messages,
// notes, call transcripts, ticket notes and survey comments (Chinese, English, mixed), with corrections and routing;
// product recommendations (co-purchase) and RFM customer value.
import type { FastifyPluginAsync } from 'fastify';
import { sentimentRoutes } from './sentiment/sentiment-routes.js';
import './sentiment/sentiment-hooks.js';
import './sentiment/sentiment-overview.js';
import './sentiment/sentiment-routing.js';
import './sentiment/sentiment-segment-fields.js';
import './recommendations/customer-value-overview.js';
import './rfm/rfm-contact-data.js';
import { customerValueRoutes } from './recommendations/customer-value-routes.js';
import { modelRoutes } from './models/model-routes.js';
import './models/model-jobs.js';
import './models/model-registrations.js';
import './value/value-registrations.js';
import { valueRoutes } from './value/value-routes.js';
import { sevenPRoutes } from './seven-p/seven-p-routes.js';
import './alerts/alert-rules.js';
import './alerts/alert-today-cards.js';
import { alertRoutes } from './alerts/alert-routes.js';

export { intelligenceMigrations } from './migrations.js';
export { analyseSentiment, type SentimentResult, type Sentiment, type Emotion } from './sentiment/analyse-sentiment.js';
export { runSentimentTraining } from './sentiment/train/run-training.js';
export { rebuildCustomerValue } from './recommendations/customer-value-job.js';
export type { IntelligenceTables, SentimentItemKind } from './tables.js';
// Predictive models: a contact's latest scores (e.g. kind 'churn') with reasons, the outbox event type written when a
// score moves across its threshold or by 0.15 or more (payload: modelId, modelKind, modelName, contactId, old, new,
// threshold, reasons), and reasons in English words.
export { latestScores } from './models/model-scores.js';
export { SCORE_CHANGED as MODEL_SCORE_CHANGED } from './models/score-model.js';
export { reasonText } from './models/reason-text.js';
export type { Reason as ModelReason } from './models/feature-values.js';

export const intelligenceRoutes: FastifyPluginAsync = async (app) => {
  await app.register(sentimentRoutes);
  await app.register(customerValueRoutes);
  await app.register(modelRoutes);
  await app.register(valueRoutes);
  await app.register(sevenPRoutes);
  await app.register(alertRoutes);
};
