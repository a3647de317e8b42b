// HTTP routes of surveys: the public page's read and answer (the signed token is the only credential).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { answerSurvey, readSurvey } from './answer-survey.js';
import { publicSurvey, surveyAnswer, surveyTokenParams } from './survey-schemas.js';
import './survey-overview.js';

export const surveyRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['surveys'];
  app.get('/survey-responses/:token', { config: { scope: 'public' }, schema: { tags, summary: 'The survey behind a signed link (public)', params: surveyTokenParams, response: { 200: publicSurvey } } }, async (req) =>
    readSurvey(req.server.db, req.params.token),
  );
  app.post(
    '/survey-responses/:token',
    {
      config: { scope: 'public' },
      schema: { tags, summary: 'Answer a survey: CSAT 1–5, NPS 0–10, a comment (public; changeable until the link expires)', params: surveyTokenParams, body: surveyAnswer, response: { 200: publicSurvey } },
    },
    async (req) => answerSurvey(req.server.db, req.params.token, req.body),
  );
};
