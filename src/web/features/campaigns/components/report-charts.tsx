// The report's charts: opens and clicks per hour, and clicks per link (unique and total).
import { AreaChart, BarChart } from '@mantine/charts';
import { Card, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import type { CampaignReport } from '../api/campaigns';

export function ReportCharts({ report }: { report: CampaignReport }) {
  const { t } = useTranslation();
  const shortUrl = (u: string) => u.replace(/^https?:\/\//, '').slice(0, 40);
  return (
    <Stack>
      <Card withBorder>
        <Text fw={600} mb="sm">{t('campaigns.report.engagement')}</Text>
        {report.timeline.length === 0 ? (
          <Text size="sm" c="dimmed">{t('campaigns.report.noEngagement')}</Text>
        ) : (
          <AreaChart h={220} data={report.timeline.map((h) => ({ hour: formatDateTime(h.hour), opens: h.opens, clicks: h.clicks }))} dataKey="hour" series={[{ name: 'opens', label: t('campaigns.report.opens'), color: 'blue.6' }, { name: 'clicks', label: t('campaigns.report.clicks'), color: 'teal.6' }]} />
        )}
      </Card>
      <Card withBorder data-testid="report-links">
        <Text fw={600} mb="sm">{t('campaigns.report.links')}</Text>
        {report.links.length === 0 ? (
          <Text size="sm" c="dimmed">{t('campaigns.report.noClicks')}</Text>
        ) : (
          <>
            <BarChart h={Math.max(120, report.links.length * 40)} orientation="vertical" data={report.links.map((l) => ({ link: shortUrl(l.url), unique: l.unique, clicks: l.clicks }))} dataKey="link" yAxisProps={{ width: 140 }} series={[{ name: 'unique', label: t('campaigns.report.uniqueClicks'), color: 'teal.6' }, { name: 'clicks', label: t('campaigns.report.totalClicks'), color: 'gray.5' }]} />
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
