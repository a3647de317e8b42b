// Quota attainment per rep or team over the chosen months: revenue against the summed monthly quotas, as progress bars.
import { useState } from 'react';
import { Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconTarget } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { formatMoney } from '../../../lib/format';
import type { Performance } from '../api/get-forecast';
import { monthsBetween, useQuotas } from '../api/quotas';
import { QuotaModal, type QuotaTarget } from './quota-modal';

interface Props {
  performance: Performance;
  groupBy: 'rep' | 'team';
  range: { from: string; to: string };
  canEdit: boolean;
}

const color = (pct: number) => (pct >= 1 ? 'teal' : pct >= 0.7 ? 'blue' : pct >= 0.4 ? 'yellow' : 'red');

export function QuotaAttainment({ performance, groupBy, range, canEdit }: Props) {
  const { t } = useTranslation();
  const quotas = useQuotas(range.from, range.to, true);
  const [target, setTarget] = useState<QuotaTarget | null>(null);
  const months = monthsBetween(range.from, range.to).length;
  const money = (v: number) => formatMoney(v, performance.currency);
  const quotaOf = (key: string) => {
    const mine = (quotas.data ?? []).filter((q) => q.currency === performance.currency && (groupBy === 'rep' ? q.userId === key : q.teamId === key));
    return mine.length ? mine.reduce((s, q) => s + q.amount, 0) : null;
  };
  const rows = performance.rows.filter((r) => r.key !== 'no-team');

  return (
    <Paper withBorder p="sm" data-testid="quota-attainment">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <div>
          <Title order={5}>{groupBy === 'rep' ? t('quotas.titleRep') : t('quotas.titleTeam')}</Title>
          <Text size="xs" c="dimmed">{t('quotas.hint', { currency: performance.currency })}</Text>
        </div>
        {canEdit && (
          <Button size="xs" variant="light" leftSection={<IconTarget size={14} />} onClick={() => setTarget({ kind: groupBy, id: null })} data-testid="set-quota">
            {t('quotas.set')}
          </Button>
        )}
      </Group>
      {quotas.isPending ? (
        <ListSkeleton rows={3} />
      ) : quotas.error ? (
        <ErrorAlert error={quotas.error} onRetry={() => void quotas.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={t('forecast.noPerformance')} />
      ) : (
        <Stack gap="sm">
          {rows.map((r) => {
            const quota = quotaOf(r.key);
            const pct = quota ? r.revenue / quota : null;
            return (
              <div key={r.key} data-testid="quota-row" data-key={r.key}>
                <Group justify="space-between" gap={4} wrap="wrap" mb={4}>
                  <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>{r.name}</Text>
                  <Group gap="xs" wrap="wrap" justify="flex-end">
                    <Text size="xs" c="dimmed" data-testid="quota-figures">
                      {quota === null ? t('quotas.none') : t('quotas.of', { revenue: money(r.revenue), quota: money(quota), pct: Math.round(pct! * 100) })}
                    </Text>
                    {canEdit && (
                      <Button size="compact-xs" variant="subtle" onClick={() => setTarget({ kind: groupBy, id: r.key, amount: quota === null ? undefined : quota / 100 / months })}>
                        {t('quotas.edit')}
                      </Button>
                    )}
                  </Group>
                </Group>
                <Progress value={pct === null ? 0 : Math.min(100, pct * 100)} color={pct === null ? 'gray' : color(pct)} size="lg" radius="sm" aria-label={r.name} />
              </div>
            );
          })}
        </Stack>
      )}
      <QuotaModal target={target} range={range} currency={performance.currency} onClose={() => setTarget(null)} />
    </Paper>
  );
}
