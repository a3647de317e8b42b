// The small facts of an article as badges: draft or published, unpublished changes, language.
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../api/knowledge-types';

export function ArticleBadges({ article }: { article: Pick<ArticleSummary, 'status' | 'hasUnpublishedChanges' | 'language'> }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <Badge size="sm" variant="light" color={article.status === 'published' ? 'green' : 'gray'} data-testid="article-status">
        {t(`knowledge.status.${article.status}`)}
      </Badge>
      {article.hasUnpublishedChanges && <Badge size="sm" variant="light" color="orange">{t('knowledge.unpublishedChanges')}</Badge>}
      <Badge size="sm" variant="outline" color="gray" tt="none">{t(`knowledge.languages.${article.language}`)}</Badge>
    </Group>
  );
}
