// A model's scored contacts, highest first, each with its score and top reasons; "only high scores" narrows to the
// threshold and above.
import { Anchor, Badge, Card, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { LoadMore } from '../../../components/load-more';
import { useModelScores, type Model } from '../api/models';
import { reasonWords } from './reason-words';

export function ScoredContacts({ model }: { model: Model }) {
  const { t } = useTranslation();
  const [onlyHigh, setOnlyHigh] = useState(false);
  const q = useModelScores(model.id, onlyHigh ? model.threshold : undefined);
  const rows = q.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Stack gap="xs" data-testid="scored-contacts">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">{t('models.scoredCount', { count: model.scoredContacts })}</Text>
        <Checkbox size="xs" label={t('models.onlyHigh', { threshold: Math.round(model.threshold * 100) })} checked={onlyHigh} onChange={(e) => setOnlyHigh(e.currentTarget.checked)} />
      </Group>
      {q.isPending ? (
        <ListSkeleton rows={4} />
      ) : q.error ? (
        <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed">{t('models.noScores')}</Text>
      ) : (
        <>
          {rows.map((r) => (
            <Card key={r.contactId} withBorder padding="xs" data-testid="scored-contact">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Anchor component={Link} to={`/contacts/${r.contactId}`} size="sm" fw={500} truncate>{r.displayName}</Anchor>
                <Badge color={r.score >= model.threshold ? 'red' : 'gray'} variant="light" style={{ flexShrink: 0 }}>{Math.round(r.score * 100)} %</Badge>
              </Group>
              {r.reasons.length > 0 && <Text size="xs" c="dimmed" data-testid="score-reasons">{r.reasons.map((x) => reasonWords(t, x)).join(' · ')}</Text>}
            </Card>
          ))}
          <LoadMore shown={rows.length} hasMore={!!q.hasNextPage} loading={q.isFetchingNextPage} onLoadMore={() => void q.fetchNextPage()} />
        </>
      )}
    </Stack>
  );
}
