// Service settings → Agents: each agent's open tickets, away switch (their own, or anyone's for managers and admins),
// skills and capacity (managers and admins).
import { Badge, Group, NumberInput, Paper, Stack, Switch, TagsInput, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { errorMessage } from '../../../lib/error-message';
import { useAgentStatus, useSetAgentStatus } from '../api/routing';

export function AgentsSection({ me }: { me: { id: string; role: string } }) {
  const { t } = useTranslation();
  const agents = useAgentStatus();
  const set = useSetAgentStatus();
  const manages = me.role === 'admin' || me.role === 'manager';
  const fail = (err: unknown) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) });
  // The signed-in agent first: their own away switch is what most people come here for.
  const list = [...(agents.data ?? [])].sort((a, b) => Number(b.userId === me.id) - Number(a.userId === me.id));
  return (
    <Stack>
      <Text size="sm" c="dimmed" maw={560}>{t('routing.agents.hint')}</Text>
      {agents.isPending ? (
        <ListSkeleton rows={3} />
      ) : agents.error ? (
        <ErrorAlert error={agents.error} onRetry={() => void agents.refetch()} />
      ) : list.length === 0 ? (
        <EmptyState title={t('routing.agents.empty')} description={t('routing.agents.emptyHint')} />
      ) : (
        list.map((a) => (
          <Paper key={a.userId} withBorder p="sm" data-testid="agent-card">
            <Stack gap="xs">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Group gap="xs" wrap="wrap">
                  <Text fw={600}>{a.name}</Text>
                  {a.userId === me.id && <Badge size="sm" variant="light">{t('routing.agents.you')}</Badge>}
                  <Badge size="sm" color="gray" variant="outline">{t('routing.agents.open', { count: a.openTickets })}</Badge>
                </Group>
                <Switch
                  label={t('routing.agents.away')}
                  checked={a.away}
                  disabled={!manages && a.userId !== me.id}
                  onChange={(e) => set.mutate({ userId: a.userId, away: e.currentTarget.checked }, { onError: fail })}
                  data-testid={`away-${a.userId}`}
                />
              </Group>
              {manages ? (
                <Group grow align="flex-start" wrap="wrap">
                  <TagsInput label={t('routing.agents.skills')} placeholder="senior, billing" value={a.skills} onChange={(skills) => set.mutate({ userId: a.userId, skills }, { onError: fail })} style={{ minWidth: 180 }} />
                  <NumberInput
                    label={t('routing.agents.capacity')}
                    placeholder={t('routing.agents.noLimit')}
                    min={0}
                    defaultValue={a.capacity ?? ''}
                    onBlur={(e) => {
                      const v = e.currentTarget.value.trim();
                      const capacity = v === '' ? null : Number(v);
                      if (capacity !== a.capacity) set.mutate({ userId: a.userId, capacity }, { onError: fail });
                    }}
                    style={{ minWidth: 120 }}
                  />
                </Group>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('routing.agents.skills')}: {a.skills.join(', ') || t('common.empty')} · {t('routing.agents.capacity')}: {a.capacity ?? t('routing.agents.noLimit')}
                </Text>
              )}
            </Stack>
          </Paper>
        ))
      )}
    </Stack>
  );
}
