// The deal's key facts in its drawer: status, stage, forecast category, amount, weighted, close date, owner, company.
import { Anchor, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatMoney } from '../../../lib/format';
import type { DealDetail } from '../api/deal-types';
import { closeDateOf } from '../api/close-date';
import { STATUS_COLOR } from './deals-table';
import { displayName } from '../../../lib/default-names';

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm" data-testid={testId}>{children}</Text>
    </div>
  );
}

export function DealFacts({ d }: { d: DealDetail }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Badge color={STATUS_COLOR[d.status]} variant="light" data-testid="deal-status">{t(`deals.statuses.${d.status}`)}</Badge>
        <Badge variant="outline" tt="none">{displayName(d.stageName, t)} · {d.probability}%</Badge>
        <Badge variant="outline" color="gray" data-testid="deal-category">{t(`deals.category.${d.forecastCategory}`)}</Badge>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3 }}>
        <Fact label={t('deals.amount')} testId="deal-amount">{formatMoney(d.amount, d.currency)}</Fact>
        <Fact label={t('deals.weighted')}>{formatMoney(d.weightedAmount, d.currency)}</Fact>
        <Fact label={d.status === 'open' ? t('deals.closeDate') : t('deals.closedOn')} testId="deal-close-date">{formatDate(closeDateOf(d)) || t('common.empty')}</Fact>
        <Fact label={t('common.owner')}>{d.ownerName ?? t('common.empty')}</Fact>
        <Fact label={t('deals.company')}>
          {d.companyId ? <Anchor component={Link} to={`/companies/${d.companyId}`} size="sm">{d.companyName}</Anchor> : t('common.empty')}
        </Fact>
        {d.closeReason && <Fact label={t('deals.closeReason')}>{d.closeReason}</Fact>}
      </SimpleGrid>
    </Stack>
  );
}
