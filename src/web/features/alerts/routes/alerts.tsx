// Alerts page: active alerts (mine or all I may see) with their suggested actions, earlier decisions, and the
// acceptance rate per rule.
import { Anchor, Badge, Card, Group, SegmentedControl, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { PageHeader } from '../../../components/page-header';
import { useUrlParams } from '../../../hooks/use-url-params';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { useAlerts, type Alert } from '../api/alerts';
import { AlertActions } from '../components/alert-actions';
import { AlertStats } from '../components/alert-stats';
import { alertText } from '../components/alert-text';

const KEYS = ['status', 'all'] as const;
const link = (a: Alert) => (a.entity === 'deal' ? `/deals?view=table&deal=${a.entityId}` : `/${a.entity}s/${a.entityId}`);

function AlertCard({ a }: { a: Alert }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" data-testid="alert-card">
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Anchor component={Link} to={link(a)} fw={500} size="sm">{alertText(t, a)}</Anchor>
          <Text size="xs" c="dimmed">
            {t(`alerts.rules.${a.rule}`)} · {formatRelative(a.createdAt)}
            {a.status === 'snoozed' && a.snoozedUntil ? ` · ${t('alerts.snoozedUntil', { when: formatDateTime(a.snoozedUntil) })}` : ''}
          </Text>
        </Stack>
        <Badge variant="light" color={a.status === 'accepted' ? 'teal' : a.status === 'dismissed' ? 'gray' : a.status === 'snoozed' ? 'yellow' : 'red'} style={{ flexShrink: 0 }}>{t(`alerts.statuses.${a.status}`)}</Badge>
      </Group>
      {(a.status === 'open' || a.status === 'snoozed') && (
        <Stack gap={4} mt="xs">
          <Text size="xs">{t('alerts.suggested', { action: t(`alerts.actions.${a.action}`, { product: a.productName ?? '' }) })}</Text>
          <AlertActions id={a.id} action={a.action} product={a.productName} />
        </Stack>
      )}
    </Card>
  );
}

export function AlertsRoute() {
  const { t } = useTranslation();
  const [p, setP] = useUrlParams(KEYS, { status: 'active' });
  const q = useAlerts(p.status, p.all !== '1');
  return (
    <>
      <PageHeader title={t('alerts.title')} />
      <Group mb="md" gap="sm" wrap="wrap">
        <SegmentedControl size="xs" value={p.status} onChange={(v) => setP({ status: v })} data={['active', 'accepted', 'dismissed'].map((s) => ({ value: s, label: t(`alerts.statuses.${s}`) }))} />
        <Switch size="sm" checked={p.all === '1'} onChange={(e) => setP({ all: e.currentTarget.checked ? '1' : null })} label={t('alerts.allVisible')} />
      </Group>
      <Stack gap="sm" mb="md">
        {q.isPending ? <ListSkeleton rows={4} /> : q.error ? <ErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : q.data.data.length === 0 ? (
          <EmptyState title={t('alerts.none')} description={t('alerts.noneHelp')} />
        ) : q.data.data.map((a) => <AlertCard key={a.id} a={a} />)}
      </Stack>
      <AlertStats />
    </>
  );
}
