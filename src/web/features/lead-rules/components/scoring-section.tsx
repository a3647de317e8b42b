// Settings → Lead scoring (admin): the rules, what each one matches and its points; add, edit, delete, recompute all.
import { useState } from 'react';
import { ActionIcon, Badge, Box, Button, Group, Stack, Switch, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { errorMessage } from '../../../lib/error-message';
import { useDeleteScoringRule, useRecomputeScores, useSaveScoringRule, useScoringRules, type ScoringRule } from '../api/lead-rules';
import { ScoringRuleCards } from './scoring-rule-cards';
import { ScoringRuleModal } from './scoring-rule-modal';

function describe(r: ScoringRule, t: TFunction): string {
  if (r.kind === 'behaviour') {
    const ev = t(`leadRules.events.${r.event ?? 'email_opened'}`);
    return r.halfLifeDays ? t('leadRules.scoring.behaviourDecay', { event: ev, days: r.halfLifeDays }) : t('leadRules.scoring.behaviourNoDecay', { event: ev });
  }
  const field = r.field?.startsWith('cf.') ? r.field : t(`leadRules.fields.${r.field ?? 'title'}`);
  const value = Array.isArray(r.value) ? r.value.join(', ') : (r.value ?? '');
  return `${field} ${t(`leadRules.operators.${r.operator ?? 'equals'}`)} ${value}`;
}

export function ScoringSection() {
  const { t } = useTranslation();
  const rules = useScoringRules();
  const save = useSaveScoringRule();
  const remove = useDeleteScoringRule();
  const recompute = useRecomputeScores();
  const [editing, setEditing] = useState<ScoringRule | 'new' | null>(null);
  const fail = (err: unknown) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) });

  const toggle = (r: ScoringRule, active: boolean) => save.mutate({ id: r.id, active }, { onError: fail });
  const del = (r: ScoringRule) => window.confirm(t('leadRules.confirmDelete', { name: r.name })) && remove.mutate(r.id, { onError: fail });

  const runRecompute = () =>
    recompute.mutate(undefined, {
      onSuccess: () => notifications.show({ color: 'green', message: t('leadRules.scoring.recomputeQueued') }),
      onError: fail,
    });

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed" maw={560}>{t('leadRules.scoring.hint')}</Text>
        <Group gap="xs" wrap="wrap">
          <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={runRecompute} loading={recompute.isPending}>{t('leadRules.scoring.recompute')}</Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>{t('leadRules.scoring.add')}</Button>
        </Group>
      </Group>
      {rules.isPending ? (
        <ListSkeleton rows={4} />
      ) : rules.error ? (
        <ErrorAlert error={rules.error} onRetry={() => void rules.refetch()} />
      ) : rules.data.length === 0 ? (
        <EmptyState title={t('leadRules.scoring.empty')} description={t('leadRules.scoring.emptyHint')} />
      ) : (
        <>
        <Box hiddenFrom="sm">
          <ScoringRuleCards rules={rules.data} describe={(r) => describe(r, t)} onToggle={toggle} onEdit={setEditing} onDelete={del} />
        </Box>
        <Table.ScrollContainer minWidth={640} visibleFrom="sm">
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('leadRules.name')}</Table.Th>
                <Table.Th>{t('leadRules.scoring.kind')}</Table.Th>
                <Table.Th>{t('leadRules.scoring.rule')}</Table.Th>
                <Table.Th ta="right">{t('leadRules.scoring.points')}</Table.Th>
                <Table.Th>{t('leadRules.active')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rules.data.map((r) => (
                <Table.Tr key={r.id} opacity={r.active ? 1 : 0.6}>
                  <Table.Td fw={500}>{r.name}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={r.kind === 'attribute' ? 'blue' : 'grape'}>{t(`leadRules.scoring.kinds.${r.kind}`)}</Badge>
                  </Table.Td>
                  <Table.Td><Text size="sm">{describe(r, t)}</Text></Table.Td>
                  <Table.Td ta="right" fw={600} c={r.points < 0 ? 'red' : undefined}>{r.points > 0 ? `+${r.points}` : r.points}</Table.Td>
                  <Table.Td>
                    <Switch aria-label={t('leadRules.active')} checked={r.active} onChange={(e) => toggle(r, e.currentTarget.checked)} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      <ActionIcon variant="subtle" aria-label={t('leadRules.editAction')} onClick={() => setEditing(r)}><IconPencil size={16} /></ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('common.delete')}
                        onClick={() => del(r)}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        </>
      )}
      {editing && <ScoringRuleModal rule={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
