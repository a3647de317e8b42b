// The public survey behind a signed link: read it and answer it (no login; the token is the credential).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface PublicSurvey {
  ticketNumber: number;
  subject: string;
  language: 'en' | 'zh-CN';
  csat: number | null;
  nps: number | null;
  comment: string | null;
  answeredAt: string | null;
  expiresAt: string;
}

export interface SurveyAnswer {
  csat?: number;
  nps?: number;
  comment?: string;
}

const path = (token: string) => `/survey-responses/${encodeURIComponent(token)}`;

export function useSurvey(token: string) {
  return useQuery({ queryKey: ['survey', token], queryFn: ({ signal }) => api.get<PublicSurvey>(path(token), undefined, signal), retry: false });
}

export function useAnswerSurvey(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (answer: SurveyAnswer) => api.post<PublicSurvey>(path(token), answer),
    onSuccess: (survey) => qc.setQueryData(['survey', token], survey),
  });
}
