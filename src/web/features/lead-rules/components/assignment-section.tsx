// Settings → Lead assignment (admin): rules tried top to bottom (move up/down), their conditions and target; re-assignment time.
import { useState } from 'react';
import { ActionIcon, Badge, Button, Divider, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useUserDirectory } from '../../../api/shared-queries';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { errorMessage } from '../../../lib/error-message';
import { CONDITION_KEYS, useAssignmentRules, useDeleteAssignmentRule, useReorderAssignmentRules, useSaveAssignmentRule, type AssignmentRule } from '../api/lead-rules';
import { AssignmentRuleModal } from './assignment-rule-modal';
import { ReassignSetting } from './reassign-setting';

export function AssignmentSection() {
  const { t } = useTranslation();
  const rules = useAssignmentRules();
  const users = useUserDirectory();
  const save = useSaveAssignmentRule();
  const remove = useDeleteAssignmentRule();
  const [editing, setEditing] = useState<AssignmentRule | 'new' | null>(null);
  const fail = (err: unknown) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) });
  const sorted = [...(rules.data ?? [])].sort((a, b) => a.position - b.position);
  const userName = (id: string | null) => users.data?.find((u) => u.id === id)?.name ?? t('common.empty');

  // PATCH resets omitted `conditions` to {} on the server, so every change sends the whole rule.
  const full = (r: AssignmentRule) => ({ id: r.id, name: r.name, conditions: r.conditions, strategy: r.strategy, teamId: r.teamId, userId: r.userId, active: r.active, position: r.position });
  const reorder = useReorderAssignmentRules();
  const moving = reorder.isPending;
  const move = (i: number, dir: -1 | 1) => {
    const order = sorted.map((r) => r.id);
    const [id] = order.splice(i, 1);
    if (!id) return;
    order.splice(i + dir, 0, id);
    reorder.mutate(order, { onError: fail });
  };

  const target = (r: AssignmentRule) =>
    r.strategy === 'user'
      ? t('leadRules.assignment.toUser', { name: userName(r.userId) })
      : t('leadRules.assignment.toTeam', { team: r.teamName ?? t('common.empty'), strategy: t(`leadRules.assignment.strategyShort.${r.strategy}`) });

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed" maw={560}>{t('leadRules.assignment.hint')}</Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>{t('leadRules.assignment.add')}</Button>
      </Group>
      {rules.isPending ? (
        <ListSkeleton rows={4} />
      ) : rules.error ? (
        <ErrorAlert error={rules.error} onRetry={() => void rules.refetch()} />
      ) : sorted.length === 0 ? (
        <EmptyState title={t('leadRules.assignment.empty')} description={t('leadRules.assignment.emptyHint')} />
      ) : (
        <Stack gap="xs">
          {sorted.map((r, i) => {
            const conds = CONDITION_KEYS.filter((k) => r.conditions[k]?.length);
            const shadowed = sorted.slice(0, i).some((o) => o.active && CONDITION_KEYS.every((k) => !o.conditions[k]?.length));
            return (
              <Paper key={r.id} withBorder p="sm" opacity={r.active ? 1 : 0.6}>
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                  <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
                    <Group gap="xs" wrap="wrap">
                      <Badge variant="outline" color="gray" size="sm">{i + 1}</Badge>
                      <Text fw={600}>{r.name}</Text>
                    </Group>
                    {conds.length === 0 ? (
                      <Text size="sm" c="dimmed">{t('leadRules.assignment.catchAll')}</Text>
                    ) : (
                      conds.map((k) => (
                        <Text size="sm" key={k} style={{ overflowWrap: 'anywhere' }}>
                          <Text span c="dimmed">{t(`leadRules.conditions.${k}`)}: </Text>
                          {r.conditions[k]!.join(', ')}
                        </Text>
                      ))
                    )}
                    <Text size="sm" c="blue">→ {target(r)}</Text>
                    {shadowed && <Text size="xs" c="orange.8">{t('leadRules.assignment.unreachable')}</Text>}
                  </Stack>
                  <Stack gap={6} align="flex-end">
                    <Switch size="sm" aria-label={t('leadRules.active')} checked={r.active} onChange={(e) => save.mutate({ ...full(r), active: e.currentTarget.checked }, { onError: fail })} />
                    <Group gap={2} wrap="nowrap">
                      <ActionIcon variant="subtle" aria-label={t('leadRules.assignment.moveUp')} disabled={i === 0 || moving} onClick={() => move(i, -1)}><IconArrowUp size={16} /></ActionIcon>
                      <ActionIcon variant="subtle" aria-label={t('leadRules.assignment.moveDown')} disabled={i === sorted.length - 1 || moving} onClick={() => move(i, 1)}><IconArrowDown size={16} /></ActionIcon>
                      <ActionIcon variant="subtle" aria-label={t('leadRules.editAction')} onClick={() => setEditing(r)}><IconPencil size={16} /></ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('common.delete')}
                        onClick={() => window.confirm(t('leadRules.confirmDelete', { name: r.name })) && remove.mutate(r.id, { onError: fail })}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  </Stack>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
      <Divider my="sm" />
      <ReassignSetting />
      {editing && <AssignmentRuleModal rule={editing} nextPosition={(sorted.at(-1)?.position ?? -1) + 1} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
