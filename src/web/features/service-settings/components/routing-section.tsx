// Service settings → Routing (admin): rules tried top to bottom (move up/down), each sending matching tickets to a team.
import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { errorMessage } from '../../../lib/error-message';
import { useDeleteRoutingRule, useRoutingRules, useSaveRoutingRule, type RoutingConditions, type RoutingRule } from '../api/routing';
import { RoutingRuleModal } from './routing-rule-modal';

const KEYS: (keyof RoutingConditions)[] = ['channels', 'categories', 'languages', 'tiers', 'keywords'];

export function RoutingSection() {
  const { t } = useTranslation();
  const rules = useRoutingRules();
  const save = useSaveRoutingRule();
  const remove = useDeleteRoutingRule();
  const [editing, setEditing] = useState<RoutingRule | 'new' | null>(null);
  const fail = (err: unknown) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) });
  const sorted = [...(rules.data ?? [])].sort((a, b) => a.position - b.position);
  // Swapping positions with the neighbour moves a rule one place.
  const move = (i: number, dir: -1 | 1) => {
    const a = sorted[i]!;
    const b = sorted[i + dir]!;
    save.mutate({ id: a.id, position: b.position }, { onError: fail, onSuccess: () => save.mutate({ id: b.id, position: a.position }, { onError: fail }) });
  };
  const value = (k: keyof RoutingConditions, v: string) => (k === 'channels' ? t(`routing.channels.${v}`) : k === 'tiers' ? t(`sla.tiers.${v}`) : v);
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed" maw={560}>{t('routing.rules.hint')}</Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>{t('routing.rules.add')}</Button>
      </Group>
      {rules.isPending ? (
        <ListSkeleton rows={3} />
      ) : rules.error ? (
        <ErrorAlert error={rules.error} onRetry={() => void rules.refetch()} />
      ) : sorted.length === 0 ? (
        <EmptyState title={t('routing.rules.empty')} description={t('routing.rules.emptyHint')} />
      ) : (
        sorted.map((r, i) => {
          const conds = KEYS.filter((k) => r.conditions[k]?.length);
          return (
            <Paper key={r.id} withBorder p="sm" opacity={r.active ? 1 : 0.6} data-testid="routing-rule-card">
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
                  <Group gap="xs" wrap="wrap">
                    <Badge variant="outline" color="gray" size="sm">{i + 1}</Badge>
                    <Text fw={600}>{r.name}</Text>
                  </Group>
                  {conds.length === 0 ? (
                    <Text size="sm" c="dimmed">{t('routing.rules.catchAll')}</Text>
                  ) : (
                    conds.map((k) => (
                      <Text size="sm" key={k} style={{ overflowWrap: 'anywhere' }}>
                        <Text span c="dimmed">{t(`routing.conditions.${k}`)}: </Text>
                        {(r.conditions[k] as string[]).map((v) => value(k, v)).join(', ')}
                      </Text>
                    ))
                  )}
                  <Text size="sm" c="blue">
                    → {t('routing.rules.target', { team: r.teamName ?? '', strategy: t(`routing.strategies.${r.strategy}`) })}
                    {r.skill ? ` · ${t('routing.rules.needsSkill', { skill: r.skill })}` : ''}
                    {r.priority ? ` · ${t('routing.rules.setsPriority', { priority: t(`sla.priorities.${r.priority}`) })}` : ''}
                  </Text>
                </Stack>
                <Stack gap={6} align="flex-end">
                  <Switch size="sm" aria-label={t('sla.active')} checked={r.active} onChange={(e) => save.mutate({ id: r.id, active: e.currentTarget.checked }, { onError: fail })} />
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon variant="subtle" aria-label={t('routing.rules.moveUp')} disabled={i === 0 || save.isPending} onClick={() => move(i, -1)}><IconArrowUp size={16} /></ActionIcon>
                    <ActionIcon variant="subtle" aria-label={t('routing.rules.moveDown')} disabled={i === sorted.length - 1 || save.isPending} onClick={() => move(i, 1)}><IconArrowDown size={16} /></ActionIcon>
                    <ActionIcon variant="subtle" aria-label={t('sla.edit')} onClick={() => setEditing(r)}><IconPencil size={16} /></ActionIcon>
                    <ActionIcon variant="subtle" color="red" aria-label={t('common.delete')} onClick={() => window.confirm(t('sla.confirmDelete', { name: r.name })) && remove.mutate(r.id, { onError: fail })}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Stack>
              </Group>
            </Paper>
          );
        })
      )}
      {editing && <RoutingRuleModal rule={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
