// "Try the bot": ask a question as a customer would and see the answer, the articles it used and how sure it was,
// or that it would hand the conversation to a person.
import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconRobot, IconUserShare } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useAskBot } from '../api/knowledge';
import type { ArticleLanguage } from '../api/knowledge-types';

export function TryBot() {
  const { t, i18n } = useTranslation();
  const [question, setQuestion] = useState('');
  const [language, setLanguage] = useState<ArticleLanguage>(i18n.language.startsWith('zh') ? 'zh-CN' : 'en');
  const ask = useAskBot();
  const res = ask.data;
  return (
    <Paper withBorder p="md" data-testid="try-bot">
      <Stack gap="sm">
        <Group gap="xs">
          <IconRobot size={18} />
          <Title order={4}>{t('knowledge.bot.title')}</Title>
        </Group>
        <Text size="sm" c="dimmed">{t('knowledge.bot.hint')}</Text>
        <Textarea aria-label={t('knowledge.bot.question')} placeholder={t('knowledge.bot.placeholder')} value={question} onChange={(e) => setQuestion(e.currentTarget.value)} autosize minRows={2} maxLength={2000} data-testid="bot-question" />
        <Group justify="space-between" wrap="wrap" gap="xs">
          <SegmentedControl size="xs" value={language} onChange={(v) => setLanguage(v as ArticleLanguage)} data={[{ value: 'en', label: 'English' }, { value: 'zh-CN', label: '中文' }]} />
          <Button onClick={() => ask.mutate({ question, language })} loading={ask.isPending} disabled={!question.trim()} data-testid="bot-ask">{t('knowledge.bot.ask')}</Button>
        </Group>
        {ask.error && <ErrorAlert error={ask.error} />}
        {res && (
          <Stack gap="xs" data-testid="bot-result">
            {res.answer ? (
              <Alert color="blue" icon={<IconRobot size={18} />} title={t(res.source === 'llm' ? 'knowledge.bot.writtenAnswer' : 'knowledge.bot.passageAnswer')}>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="bot-answer">{res.answer}</Text>
              </Alert>
            ) : (
              <Alert color="orange" icon={<IconUserShare size={18} />} title={t('knowledge.bot.handover')} data-testid="bot-handover">
                <Text size="sm">{t('knowledge.bot.handoverHint')}</Text>
              </Alert>
            )}
            <Group gap="xs">
              <Badge variant="light" color={res.handover ? 'orange' : 'green'}>{t('knowledge.bot.confidence', { value: Math.round(res.confidence * 100) })}</Badge>
            </Group>
            {res.articles.map((a) => (
              <Anchor key={a.id} href={a.url} target="_blank" size="sm">{a.title}</Anchor>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
