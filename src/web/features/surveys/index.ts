// The public satisfaction survey page (/s/:token).
export { SurveyPageRoute } from './routes/survey-page';
