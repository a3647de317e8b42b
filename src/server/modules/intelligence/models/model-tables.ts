// Tables of predictive models: each model's definition, its trained versions (weights and model card as JSON), the
// latest score of every contact with its reasons, and the people's corrections (kept as training labels).
export const modelKinds = ['churn', 'propensity', 'lead_conversion', 'custom'] as const;
export type ModelKind = (typeof modelKinds)[number];
export const modelStatuses = ['new', 'training', 'ready', 'insufficient', 'no_signal', 'failed'] as const;
export type ModelStatus = (typeof modelStatuses)[number];

export interface PredictiveModelsTable {
  id: string;
  name: string;
  kind: ModelKind;
  /** JSON ModelConfig: window in days, the label of a custom model (a boolean custom field or a lifecycle stage). */
  config: string;
  /** Scores at or above it count as "yes" (precision and recall on the card, the high-score filter). */
  threshold: number;
  status: ModelStatus;
  /** The plain-words reason of the last training's status (too little data, no signal, an error). */
  statusMessage: string | null;
  /** The version whose scores stand on the contacts (null until a training passed its checks). */
  activeVersion: number | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ModelVersionsTable {
  id: string;
  modelId: string;
  version: number;
  status: ModelStatus;
  message: string | null;
  rows: number;
  positives: number;
  /** JSON TrainedModel: features, standardisation, weights and intercept. Null when the training did not pass. */
  weights: string | null;
  /** JSON ModelCard: AUC, precision/recall, calibration bins, ROC points, top features. */
  card: string;
  trainedAt: string;
  jobId: string | null;
}

export interface ContactModelScoresTable {
  modelId: string;
  contactId: string;
  version: number;
  /** Probability 0–1. */
  score: number;
  /** JSON array of reasons {kind, params, weight}. */
  reasons: string;
  scoredAt: string;
}

export interface ModelLabelOverridesTable {
  id: string;
  modelId: string;
  contactId: string;
  /** 1 yes (will churn / will buy / converts), 0 no. */
  label: number;
  note: string | null;
  /** The score when the person corrected it. */
  scoreThen: number | null;
  userId: string;
  createdAt: string;
}

export interface ModelTables {
  predictive_models: PredictiveModelsTable;
  model_versions: ModelVersionsTable;
  contact_model_scores: ContactModelScoresTable;
  model_label_overrides: ModelLabelOverridesTable;
}
