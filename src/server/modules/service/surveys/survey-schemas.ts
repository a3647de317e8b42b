// zod schemas of the public survey page's API: what the customer sees and what they answer.
import { z } from 'zod';

export const surveyTokenParams = z.object({ token: z.string().min(1).max(200) });

export const surveyAnswer = z
  .strictObject({
    csat: z.number().int().min(1, 'a score from 1 to 5').max(5, 'a score from 1 to 5').optional(),
    nps: z.number().int().min(0, 'a score from 0 to 10').max(10, 'a score from 0 to 10').optional(),
    comment: z.string().trim().max(2000, 'at most 2,000 characters').optional(),
  })
  .refine((a) => a.csat !== undefined || a.nps !== undefined || a.comment !== undefined, { message: 'give a score or a comment' });
export type SurveyAnswer = z.infer<typeof surveyAnswer>;

export const publicSurvey = z.object({
  ticketNumber: z.number(),
  subject: z.string(),
  language: z.enum(['en', 'zh-CN']),
  csat: z.number().nullable(),
  nps: z.number().nullable(),
  comment: z.string().nullable(),
  answeredAt: z.string().nullable(),
  expiresAt: z.string(),
});
export type PublicSurvey = z.infer<typeof publicSurvey>;

export const ticketSurveySchema = z.object({
  id: z.string(),
  state: z.string(),
  sentVia: z.array(z.string()),
  sentAt: z.string().nullable(),
  csat: z.number().nullable(),
  nps: z.number().nullable(),
  comment: z.string().nullable(),
  answeredAt: z.string().nullable(),
  followUpTaskId: z.string().nullable(),
  expiresAt: z.string(),
  /** The signed link (null once expired). */
  link: z.string().nullable(),
});
export type TicketSurvey = z.infer<typeof ticketSurveySchema>;
