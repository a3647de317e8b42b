// Campaigns page: every campaign with its status, how many were sent, and open and click rates.
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconMail, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { PageHeader } from '../../../components/page-header';
import { useCampaigns, type CampaignStatus } from '../api/campaigns';

export const statusColor: Record<CampaignStatus, string> = { draft: 'gray', scheduled: 'blue', sending: 'orange', sent: 'green', cancelled: 'red' };

export function CampaignsListRoute() {
  const { t, i18n } = useTranslation();
  const campaigns = useCampaigns();
  const pct = (x: number) => x.toLocaleString(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const newButton = (
    <Button component={Link} to="/campaigns/new" leftSection={<IconPlus size={16} />} data-testid="new-campaign">
      {t('campaigns.new')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('nav.campaigns')} actions={newButton} />
      {campaigns.isPending && <ListSkeleton />}
      {campaigns.isError && <ErrorAlert error={campaigns.error} onRetry={() => campaigns.refetch()} />}
      {campaigns.data?.length === 0 && <EmptyState icon={<IconMail size={28} />} title={t('campaigns.empty')} description={t('campaigns.emptyHint')} action={newButton} />}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {campaigns.data?.map((c) => (
          <Card key={c.id} withBorder data-testid="campaign-card">
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap">
                <Anchor component={Link} to={c.status === 'draft' ? `/campaigns/${c.id}` : `/campaigns/${c.id}/report`} fw={600} style={{ wordBreak: 'break-word' }}>
                  {c.name}
                </Anchor>
                <Badge color={statusColor[c.status]} variant="light">{t(`campaigns.status.${c.status}`)}</Badge>
              </Group>
              <Text size="sm" c="dimmed" lineClamp={1}>{c.subject}</Text>
              <Group gap="lg">
                <Text size="sm" data-testid="campaign-sent">{t('campaigns.sentCount', { n: c.stats.sent.toLocaleString(i18n.language) })}</Text>
                <Text size="sm">{t('campaigns.openRate', { rate: pct(c.stats.openRate) })}</Text>
                <Text size="sm">{t('campaigns.clickRate', { rate: pct(c.stats.clickRate) })}</Text>
              </Group>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
