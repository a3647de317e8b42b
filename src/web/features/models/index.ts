// Predictive models: Intelligence → Models (define, train, model card, scored contacts) and a contact's Scores section.
export { ModelsRoute } from './routes/models';
export { ContactModelScores } from './components/contact-model-scores';
export { useModelScoreColumns, type ScoreOfContact } from './api/score-columns';
export { ModelScoreCell } from './components/model-score-cell';
