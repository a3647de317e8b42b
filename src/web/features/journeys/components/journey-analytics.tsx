// A journey's analytics: enrolled, active, completed, reached the goal (and the conversion), a bar chart of contacts
// per step (there now / went through), and the latest enrolments with where each contact is.
import { BarChart } from '@mantine/charts';
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { useJourneyAnalytics, useJourneyEnrolments, type Journey } from '../api/journeys';

const statusColor = { active: 'blue', completed: 'green', goal: 'teal', exited: 'gray' } as const;

export function JourneyAnalytics({ journey }: { journey: Journey }) {
  const { t, i18n } = useTranslation();
  const stats = useJourneyAnalytics(journey.id);
  const enrolments = useJourneyEnrolments(journey.id);
  if (stats.isError) return <ErrorAlert error={stats.error} onRetry={() => stats.refetch()} />;
  if (!stats.data) return <ListSkeleton rows={3} />;
  const s = stats.data;
  const n = (v: number) => v.toLocaleString(i18n.language);
  const tiles = [
    ['enrolled', n(s.enrolled)],
    ['active', n(s.active)],
    ['completed', n(s.completed)],
    ['goal', n(s.goal)],
    ['conversion', s.conversion === null ? '–' : `${(s.conversion * 100).toFixed(1)}%`],
  ] as const;
  const chart = s.steps.map((x, i) => ({ name: `${'›'.repeat(x.depth)}${i + 1} ${t(`journeys.kinds.${x.kind}`)}`, current: x.current, through: x.done + x.skipped + x.yes + x.no }));
  return (
    <Stack gap="md" data-testid="journey-analytics">
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        {tiles.map(([key, value]) => (
          <Card key={key} withBorder padding="sm">
            <Text size="xs" c="dimmed">{t(`journeys.stats.${key}`)}</Text>
            <Text fw={700} size="lg" data-testid={`stat-${key}`}>{value}</Text>
          </Card>
        ))}
      </SimpleGrid>
      <Card withBorder padding="sm">
        <Title order={5} mb="xs">{t('journeys.stats.perStep')}</Title>
        {s.enrolled === 0 ? (
          <Text size="sm" c="dimmed">{t('journeys.stats.none')}</Text>
        ) : (
          <>
            <Group gap="md" mb="xs">
              <Text size="xs" c="blue.7">■ {t('journeys.stats.current')}</Text>
              <Text size="xs" c="teal.7">■ {t('journeys.stats.through')}</Text>
            </Group>
            <BarChart h={60 + chart.length * 44} data={chart} dataKey="name" orientation="vertical" yAxisProps={{ width: 120 }} series={[{ name: 'current', label: t('journeys.stats.current'), color: 'blue.6' }, { name: 'through', label: t('journeys.stats.through'), color: 'teal.5' }]} />
          </>
        )}
      </Card>
      <Card withBorder padding="sm">
        <Title order={5} mb="xs">{t('journeys.enrolments')}</Title>
        {enrolments.data?.data.length === 0 && <Text size="sm" c="dimmed">{t('journeys.stats.none')}</Text>}
        {!!enrolments.data?.data.length && (
          <Table.ScrollContainer minWidth={320}>
            <Table data-testid="enrolments">
              <Table.Tbody>
                {enrolments.data.data.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td><Anchor component={Link} to={`/contacts/${e.contactId}`} size="sm">{e.contactName}</Anchor></Table.Td>
                    <Table.Td><Badge variant="light" color={statusColor[e.status]}>{t(`journeys.enrolmentStatus.${e.status}`)}</Badge></Table.Td>
                    <Table.Td><Text size="xs" c="dimmed">{new Date(e.enteredAt).toLocaleString(i18n.language)}</Text></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Stack>
  );
}
