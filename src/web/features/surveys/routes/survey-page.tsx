// The public survey page a customer reaches from the e-mail or chat link: a one-click CSAT from ?score=N, then NPS
// and a comment; in the ticket's language (switchable), usable on a phone.
import { Alert, Button, Center, Container, Group, Paper, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/list-skeleton';
import { useAnswerSurvey, useSurvey } from '../api/survey-response';

function Scale({ from, to, value, onChange, id }: { from: number; to: number; value: number | null; onChange: (n: number) => void; id: string }) {
  const values = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return (
    <Group gap={6} wrap="wrap" data-testid={id}>
      {values.map((n) => (
        <Button key={n} variant={value === n ? 'filled' : 'default'} onClick={() => onChange(n)} size="compact-md" miw={40} aria-pressed={value === n} data-score={n}>
          {n}
        </Button>
      ))}
    </Group>
  );
}

export function SurveyPageRoute() {
  const { t, i18n } = useTranslation();
  const { token = '' } = useParams();
  const [params] = useSearchParams();
  const survey = useSurvey(token);
  const answer = useAnswerSurvey(token);
  const [nps, setNps] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [done, setDone] = useState(false);
  const clicked = useRef(false);

  // The survey's language first; the reader may switch (not saved: this page belongs to no account).
  useEffect(() => {
    if (survey.data && !clicked.current) void i18n.changeLanguage(survey.data.language);
  }, [survey.data?.language]); // eslint-disable-line react-hooks/exhaustive-deps
  // The one-click score from the link is recorded once when the page opens.
  useEffect(() => {
    const score = Number(params.get('score'));
    if (!survey.data || clicked.current || !(score >= 1 && score <= 5)) return;
    clicked.current = true;
    if (survey.data.csat !== score) answer.mutate({ csat: score });
  }, [survey.data]); // eslint-disable-line react-hooks/exhaustive-deps

  if (survey.isPending) return <Center p="xl"><PageSkeleton /></Center>;
  if (survey.error) {
    return (
      <Container size={480} py="xl">
        <ErrorAlert error={survey.error} />
      </Container>
    );
  }
  const s = survey.data;
  const submit = () => answer.mutate({ ...(nps !== null && { nps }), ...(comment.trim() && { comment: comment.trim() }) }, { onSuccess: () => setDone(true) });
  return (
    <Container size={560} py="lg" px="sm">
      <Group justify="flex-end" mb="sm">
        <SegmentedControl size="xs" value={i18n.language === 'zh-CN' ? 'zh-CN' : 'en'} onChange={(v) => { clicked.current = true; void i18n.changeLanguage(v); }} data={[{ value: 'en', label: 'English' }, { value: 'zh-CN', label: '中文' }]} />
      </Group>
      <Paper withBorder p="md" radius="md">
        <Stack gap="md">
          <div>
            <Title order={3}>{t('surveyPage.title')}</Title>
            <Text size="sm" c="dimmed">{t('surveyPage.ticket', { number: s.ticketNumber, subject: s.subject })}</Text>
          </div>
          {done ? (
            <Alert color="teal" data-testid="survey-thanks">{t('surveyPage.thanks')}</Alert>
          ) : (
            <>
              <div>
                <Text fw={500} mb={6}>{t('surveyPage.csatQuestion')}</Text>
                <Scale id="csat-scale" from={1} to={5} value={s.csat} onChange={(n) => answer.mutate({ csat: n })} />
                <Group justify="space-between" mt={4}><Text size="xs" c="dimmed">{t('surveyPage.csatLow')}</Text><Text size="xs" c="dimmed">{t('surveyPage.csatHigh')}</Text></Group>
                {s.csat !== null && <Text size="sm" c="teal" mt={6} data-testid="csat-saved">{t('surveyPage.saved')}</Text>}
              </div>
              <div>
                <Text fw={500} mb={6}>{t('surveyPage.npsQuestion')}</Text>
                <Scale id="nps-scale" from={0} to={10} value={nps ?? s.nps} onChange={setNps} />
                <Group justify="space-between" mt={4}><Text size="xs" c="dimmed">{t('surveyPage.npsLow')}</Text><Text size="xs" c="dimmed">{t('surveyPage.npsHigh')}</Text></Group>
              </div>
              <Textarea label={t('surveyPage.comment')} placeholder={t('surveyPage.commentPlaceholder')} autosize minRows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.currentTarget.value)} data-testid="survey-comment" />
              {answer.error && <ErrorAlert error={answer.error} />}
              <Button onClick={submit} loading={answer.isPending} disabled={nps === null && !comment.trim()} data-testid="survey-submit">
                {t('surveyPage.submit')}
              </Button>
            </>
          )}
        </Stack>
      </Paper>
    </Container>
  );
}
