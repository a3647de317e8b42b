// HTTP routes of surveys: the public page's read and answer (the signed token is the only credential).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { answerSurvey, readSurvey } from './answer-survey.js';
import { publicSurvey, surveyAnswer, surveyTokenParams, ticketSurveySchema } from './survey-schemas.js';
import { ticketSurvey } from './ticket-survey.js';
import { ctxOf } from '../../../core/http/request-context.js';
import { idParams } from '../../../core/http/common-schemas.js';
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
  app.get('/tickets/:id/survey', { config: { scope: 'service:read' }, schema: { tags, summary: "The ticket's satisfaction survey: how it was sent, the answer, the signed link", params: idParams, response: { 200: ticketSurveySchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return ticketSurvey(db, actor, req.params.id);
  });
};
