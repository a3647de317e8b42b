// Journeys page: every journey with its status and trigger, and a link to build a new one.
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPlus, IconRoute } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { PageHeader } from '../../../components/page-header';
import { useJourneys } from '../api/journeys';
import { choiceOf } from '../components/trigger-picker';

export const statusColors = { draft: 'gray', active: 'green', paused: 'yellow' } as const;

export function JourneysListRoute() {
  const { t } = useTranslation();
  const journeys = useJourneys();
  const newButton = (
    <Button component={Link} to="/journeys/new" leftSection={<IconPlus size={16} />} data-testid="new-journey">
      {t('journeys.new')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('nav.journeys')} actions={newButton} />
      {journeys.isPending && <ListSkeleton />}
      {journeys.isError && <ErrorAlert error={journeys.error} onRetry={() => journeys.refetch()} />}
      {journeys.data?.length === 0 && <EmptyState icon={<IconRoute size={28} />} title={t('journeys.empty')} description={t('journeys.emptyHint')} action={newButton} />}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {journeys.data?.map((j) => (
          <Card key={j.id} withBorder data-testid="journey-card">
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap">
                <Anchor component={Link} to={`/journeys/${j.id}`} fw={600} style={{ wordBreak: 'break-word' }}>{j.name}</Anchor>
                <Badge variant="light" color={statusColors[j.status]}>{t(`journeys.status.${j.status}`)}</Badge>
              </Group>
              {j.description && <Text size="sm" c="dimmed" lineClamp={2}>{j.description}</Text>}
              <Text size="sm">{t(`journeys.trigger.${choiceOf(j.trigger)}`)} · {t('journeys.stepCount', { count: j.steps.length })}</Text>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
