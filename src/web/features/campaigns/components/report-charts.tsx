// The report's charts: opens and clicks per hour, and clicks per link (unique and total).
import { AreaChart, BarChart } from '@mantine/charts';
import { Card, ColorSwatch, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import type { CampaignReport } from '../api/campaigns';

/** The series' names under a chart's title (recharts' own legend wraps into the plot on phones). */
function Legend({ items }: { items: { label: string; color: string }[] }) {
  return (
    <Group gap="md" mb="xs">
      {items.map((i) => (
        <Group key={i.label} gap={6} wrap="nowrap">
          <ColorSwatch color={`var(--mantine-color-${i.color.replace('.', '-')})`} size={10} withShadow={false} />
          <Text size="xs" c="dimmed">{i.label}</Text>
        </Group>
      ))}
    </Group>
  );
}

export function ReportCharts({ report }: { report: CampaignReport }) {
  const { t } = useTranslation();
  const shortUrl = (u: string) => u.replace(/^https?:\/\//, '').slice(0, 40);
  return (
    <Stack>
      <Card withBorder>
        <Text fw={600} mb={4}>{t('campaigns.report.engagement')}</Text>
        <Legend items={[{ label: t('campaigns.report.opens'), color: 'blue.6' }, { label: t('campaigns.report.clicks'), color: 'teal.6' }]} />
        {report.timeline.length === 0 ? (
          <Text size="sm" c="dimmed">{t('campaigns.report.noEngagement')}</Text>
        ) : (
          <AreaChart h={220} data={report.timeline.map((h) => ({ hour: formatDateTime(h.hour), opens: h.opens, clicks: h.clicks }))} dataKey="hour" series={[{ name: 'opens', label: t('campaigns.report.opens'), color: 'blue.6' }, { name: 'clicks', label: t('campaigns.report.clicks'), color: 'teal.6' }]} />
        )}
      </Card>
      <Card withBorder data-testid="report-links">
        <Text fw={600} mb={4}>{t('campaigns.report.links')}</Text>
        <Legend items={[{ label: t('campaigns.report.uniqueClicks'), color: 'teal.6' }, { label: t('campaigns.report.totalClicks'), color: 'gray.5' }]} />
        {report.links.length === 0 ? (
          <Text size="sm" c="dimmed">{t('campaigns.report.noClicks')}</Text>
        ) : (
          <>
            <BarChart h={Math.max(140, report.links.length * 56 + 50)} orientation="vertical" data={report.links.map((l) => ({ link: shortUrl(l.url), unique: l.unique, clicks: l.clicks }))} dataKey="link" yAxisProps={{ width: 110 }} series={[{ name: 'unique', label: t('campaigns.report.uniqueClicks'), color: 'teal.6' }, { name: 'clicks', label: t('campaigns.report.totalClicks'), color: 'gray.5' }]} />
            {report.links.map((l) => (
              <Text key={l.url} size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                {l.url} — {t('campaigns.report.linkCounts', { unique: l.unique, total: l.clicks })}
              </Text>
            ))}
          </>
        )}
      </Card>
    </Stack>
  );
}
