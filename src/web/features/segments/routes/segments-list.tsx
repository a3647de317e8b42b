// Segments page: every segment with the members the user may see, its kind, and links to edit it or open its members.
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconFilter, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { PageHeader } from '../../../components/page-header';
import { useSegments } from '../api/segments';

export function SegmentsListRoute() {
  const { t, i18n } = useTranslation();
  const segments = useSegments();
  const newButton = (
    <Button component={Link} to="/segments/new" leftSection={<IconPlus size={16} />} data-testid="new-segment">
      {t('segments.new')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('nav.segments')} actions={newButton} />
      {segments.isPending && <ListSkeleton />}
      {segments.isError && <ErrorAlert error={segments.error} onRetry={() => segments.refetch()} />}
      {segments.data?.length === 0 && <EmptyState icon={<IconFilter size={28} />} title={t('segments.empty')} description={t('segments.emptyHint')} action={newButton} />}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {segments.data?.map((s) => (
          <Card key={s.id} withBorder data-testid="segment-card">
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap">
                <Anchor component={Link} to={`/segments/${s.id}`} fw={600} style={{ wordBreak: 'break-word' }}>
                  {s.name}
                </Anchor>
                <Badge variant="light" color={s.kind === 'dynamic' ? 'blue' : 'gray'}>{t(`segments.kinds.${s.kind}`)}</Badge>
              </Group>
              {s.description && <Text size="sm" c="dimmed" lineClamp={2}>{s.description}</Text>}
              <Group justify="space-between">
                <Text size="sm" data-testid="segment-members">
                  {t(s.memberCount.estimated ? 'segments.countAbout' : 'segments.count', { count: s.memberCount.total, n: s.memberCount.total.toLocaleString(i18n.language) })}
                </Text>
                <Anchor component={Link} to={`/contacts?segment=${s.id}`} size="sm">{t('segments.members')}</Anchor>
              </Group>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
