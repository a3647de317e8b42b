// Knowledge articles as rows that wrap on a phone: title, badges, category and when it last changed.
import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatRelative } from '../../../lib/format';
import { useCategories } from '../api/knowledge';
import type { ArticleSummary } from '../api/knowledge-types';
import { ArticleBadges } from './article-badges';
import { categoryName } from './category-name';

export function ArticlesList({ articles }: { articles: ArticleSummary[] }) {
  const { t, i18n } = useTranslation();
  const categories = new Map((useCategories().data ?? []).map((c) => [c.id, categoryName(c, i18n.language)]));
  return (
    <Stack gap="xs" data-testid="articles-list">
      {articles.map((a) => (
        <Paper key={a.id} withBorder p="sm" data-testid="article-row" data-slug={a.slug}>
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <Stack gap={2} style={{ minWidth: 0, flex: '1 1 240px' }}>
              <Anchor component={Link} to={`/knowledge/${a.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>{a.title}</Anchor>
              <Text size="xs" c="dimmed">
                {[a.categoryId ? categories.get(a.categoryId) : t('knowledge.noCategory'), t('knowledge.updated', { when: formatRelative(a.updatedAt) })].filter(Boolean).join(' · ')}
              </Text>
            </Stack>
            <ArticleBadges article={a} />
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
