// A campaign's report: delivery, opens, clicks, unsubscribes, bounces, complaints, ROI over the attribution window, the charts,
// and cancelling while it is scheduled or sending.
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { PageHeader } from '../../../components/page-header';
import { formatDateTime, formatMoney } from '../../../lib/format';
import { useCampaign, useCampaignAction, useCampaignReport } from '../api/campaigns';
import { ReportCharts } from '../components/report-charts';
import { statusColor } from './campaigns-list';

function Stat({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId?: string }) {
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={700} size="xl">{value}</Text>
      {hint && <Text size="xs" c="dimmed">{hint}</Text>}
    </Card>
  );
}

export function CampaignReportRoute() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const campaign = useCampaign(id);
  const report = useCampaignReport(id);
  const action = useCampaignAction(id ?? '');
  if (campaign.isPending || report.isPending) return <ListSkeleton />;
  if (campaign.isError || report.isError) return <ErrorAlert error={campaign.error ?? report.error} onRetry={() => void campaign.refetch().then(() => report.refetch())} />;
  const c = campaign.data;
  const r = report.data;
  const n = (x: number) => x.toLocaleString(i18n.language);
  const pct = (x: number) => x.toLocaleString(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const skipped = Object.entries(r.skipped).map(([k, v]) => `${t(`campaigns.skip.${k}`, { defaultValue: k })}: ${n(v)}`).join(' · ');
  const revenue = r.roi.revenue.length ? r.roi.revenue.map((x) => formatMoney(x.amount, x.currency)).join(' + ') : formatMoney(0, r.roi.currency);
  return (
    <>
      <PageHeader
        title={c.name}
        actions={
          <Group gap="xs">
            <Badge color={statusColor[c.status]} variant="light" data-testid="campaign-status">{t(`campaigns.status.${c.status}`)}</Badge>
            {(c.status === 'scheduled' || c.status === 'sending') && <Button size="xs" color="red" variant="light" loading={action.isPending} onClick={() => action.mutate({ action: 'cancel' })}>{t('campaigns.cancel')}</Button>}
            <Button size="xs" variant="default" component={Link} to={`/campaigns/${c.id}`}>{t('campaigns.viewEmail')}</Button>
          </Group>
        }
      />
      <Stack>
        <Text size="sm" c="dimmed">
          {c.segmentName ?? '—'} · {c.subject}
          {c.status === 'scheduled' && c.scheduledAt && ` · ${t('campaigns.report.scheduled', { at: formatDateTime(c.scheduledAt), zone: c.timeZone ?? 'UTC' })}`}
        </Text>
        {action.isError && <ErrorAlert error={action.error} />}
        <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }}>
          <Stat label={t('campaigns.report.sent')} value={n(r.sent)} hint={t('campaigns.report.ofAudience', { n: n(r.audience) })} testId="report-sent" />
          <Stat label={t('campaigns.report.delivered')} value={n(r.delivered)} hint={r.pending ? t('campaigns.report.pending', { n: n(r.pending) }) : undefined} />
          <Stat label={t('campaigns.report.opens')} value={n(r.opens.unique)} hint={pct(r.opens.rate)} testId="report-opens" />
          <Stat label={t('campaigns.report.clicks')} value={n(r.clicks.unique)} hint={pct(r.clicks.rate)} testId="report-clicks" />
          <Stat label={t('campaigns.report.unsubscribes')} value={n(r.unsubscribes)} />
          <Stat label={t('campaigns.report.bounces')} value={n(r.bounces)} hint={r.failed ? t('campaigns.report.failed', { n: n(r.failed) }) : undefined} />
          <Stat label={t('campaigns.report.complaints')} value={n(r.complaints)} testId="report-complaints" />
        </SimpleGrid>
        {skipped && <Text size="sm" c="dimmed">{t('campaigns.report.skipped')}: {skipped}</Text>}
        <Card withBorder data-testid="report-roi">
          <Text fw={600} mb="xs">{t('campaigns.report.roiTitle', { days: r.roi.attributionDays })}</Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Stat label={t('campaigns.report.orders')} value={n(r.roi.orders)} hint={t('campaigns.report.buyers', { n: n(r.roi.buyers) })} />
            <Stat label={t('campaigns.report.revenue')} value={revenue} />
            <Stat label={t('campaigns.report.cost')} value={formatMoney(r.roi.cost, r.roi.currency)} />
            <Stat label={t('campaigns.report.roi')} value={r.roi.roi === null ? '—' : pct(r.roi.roi)} />
          </SimpleGrid>
        </Card>
        {r.variants.length > 1 && (
          <Card withBorder>
            <Text fw={600} mb="xs">{t('campaigns.report.abTitle')}{c.abWinner && ` — ${t('campaigns.report.winner', { v: c.abWinner.toUpperCase() })}`}</Text>
            {r.variants.map((v) => (
              <Text key={v.variant} size="sm">{t(`campaigns.report.variant.${v.variant}`, { defaultValue: v.variant })}: {t('campaigns.report.variantLine', { sent: n(v.sent), opened: n(v.opened), clicked: n(v.clicked) })}</Text>
            ))}
          </Card>
        )}
        <ReportCharts report={r} />
      </Stack>
    </>
  );
}
