// Published articles that may answer a customer's message, for beside an agent's reply box: each with its passage,
// a link to the help centre and, given onInsert, a button that puts the article's link into the reply.
import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconBook } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useArticleSuggestions } from '../api/knowledge';
import type { ArticleLanguage, Suggestion } from '../api/knowledge-types';

interface Props {
  /** The customer's latest message. */
  text: string;
  language?: ArticleLanguage;
  onInsert?: (s: Suggestion) => void;
}

export function ArticleSuggestions({ text, language, onInsert }: Props) {
  const { t } = useTranslation();
  const suggestions = useArticleSuggestions(text, language);
  const rows = suggestions.data ?? [];
  if (!text.trim()) return null;
  return (
    <Paper withBorder p="sm" data-testid="article-suggestions">
      <Group gap={6} mb={6}>
        <IconBook size={16} />
        <Text size="sm" fw={600}>{t('knowledge.suggestions.title')}</Text>
      </Group>
      {rows.length === 0 && !suggestions.isPending && <Text size="xs" c="dimmed">{t('knowledge.suggestions.none')}</Text>}
      <Stack gap={6}>
        {rows.map((s) => (
          <div key={s.id} data-testid="article-suggestion">
            <Anchor href={s.url} target="_blank" size="sm" fw={600}>{s.title}</Anchor>
            <Text size="xs" c="dimmed" lineClamp={2}>{s.excerpt}</Text>
            {onInsert && <Button size="compact-xs" variant="subtle" onClick={() => onInsert(s)}>{t('knowledge.suggestions.insert')}</Button>}
          </div>
        ))}
      </Stack>
    </Paper>
  );
}
