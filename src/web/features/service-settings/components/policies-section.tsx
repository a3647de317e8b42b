// Service settings → SLA policies (admin): tried top to bottom; the first whose priorities and tiers fit a ticket applies.
import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useTeams } from '../../../api/shared-queries';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { errorMessage } from '../../../lib/error-message';
import { useDeletePolicy, usePolicies, useSavePolicy, type Policy } from '../api/sla';
import { PolicyModal } from './policy-modal';

export function PoliciesSection() {
  const { t } = useTranslation();
  const policies = usePolicies();
  const teams = useTeams();
  const save = useSavePolicy();
  const remove = useDeletePolicy();
  const [editing, setEditing] = useState<Policy | 'new' | null>(null);
  const fail = (err: unknown) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) });
  const team = (id: string | null) => teams.data?.find((x) => x.id === id)?.name ?? '';
  const mins = (m: number | null) => (m === null ? t('common.empty') : t('sla.minutes', { count: m }));
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed" maw={560}>{t('sla.policies.hint')}</Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>{t('sla.policies.add')}</Button>
      </Group>
      {policies.isPending ? (
        <ListSkeleton rows={3} />
      ) : policies.error ? (
        <ErrorAlert error={policies.error} onRetry={() => void policies.refetch()} />
      ) : policies.data.length === 0 ? (
        <EmptyState title={t('sla.policies.empty')} description={t('sla.policies.emptyHint')} />
      ) : (
        policies.data.map((p, i) => (
          <Paper key={p.id} withBorder p="sm" opacity={p.active ? 1 : 0.6} data-testid="policy-card">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
                <Group gap="xs" wrap="wrap">
                  <Badge variant="outline" color="gray" size="sm">{i + 1}</Badge>
                  <Text fw={600}>{p.name}</Text>
                </Group>
                <Text size="sm">
                  <Text span c="dimmed">{t('sla.policies.appliesTo')}: </Text>
                  {[p.priorities.map((x) => t(`sla.priorities.${x}`)).join(', ') || t('sla.anyPriority'), p.tiers.map((x) => t(`sla.tiers.${x}`)).join(', ') || t('sla.anyTier')].join(' · ')}
                </Text>
                <Text size="sm">
                  {t('sla.targets.firstResponse')}: {mins(p.firstResponseMinutes)} · {t('sla.targets.resolution')}: {mins(p.resolutionMinutes)}
                </Text>
                {p.queueTeamId && <Text size="sm" c="blue">→ {t('sla.policies.queueTo', { team: team(p.queueTeamId) })}</Text>}
                {p.reassignOnBreach && <Text size="sm" c="orange.8">{t('sla.policies.reassigns', { team: team(p.escalationTeamId) || t('sla.policies.ownTeam') })}</Text>}
              </Stack>
              <Stack gap={6} align="flex-end">
                <Switch size="sm" aria-label={t('sla.active')} checked={p.active} onChange={(e) => save.mutate({ id: p.id, active: e.currentTarget.checked }, { onError: fail })} />
                <Group gap={2} wrap="nowrap">
                  <ActionIcon variant="subtle" aria-label={t('sla.edit')} onClick={() => setEditing(p)}><IconPencil size={16} /></ActionIcon>
                  <ActionIcon variant="subtle" color="red" aria-label={t('common.delete')} onClick={() => window.confirm(t('sla.confirmDelete', { name: p.name })) && remove.mutate(p.id, { onError: fail })}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              </Stack>
            </Group>
          </Paper>
        ))
      )}
      {editing && <PolicyModal policy={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
