// Actions on the chosen tickets: assign (to me, a colleague or nobody), close, add a tag.
import { Button, Group, Menu, Paper, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserDirectory } from '../../../api/shared-queries';
import { errorMessage } from '../../../lib/error-message';
import { useTicketBulk } from '../api/tickets';

export function TicketBulkBar({ ids, meId, onDone }: { ids: string[]; meId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const bulk = useTicketBulk();
  const users = useUserDirectory().data ?? [];
  const [tag, setTag] = useState('');
  if (!ids.length) return null;
  const run = (action: Record<string, unknown>) =>
    bulk.mutate({ selection: { ids }, action }, {
      onSuccess: (r) => { notifications.show({ color: 'green', message: t('tickets.bulkDone', { count: r.changed ?? 0, skipped: r.skipped ?? 0 }) }); onDone(); },
      onError: (err) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) }),
    });
  return (
    <Paper withBorder p="xs" data-testid="ticket-bulk-bar">
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>{t('tickets.selected', { count: ids.length })}</Text>
        <Menu>
          <Menu.Target><Button size="xs" variant="light" loading={bulk.isPending}>{t('tickets.bulk.assign')}</Button></Menu.Target>
          <Menu.Dropdown mah={300} style={{ overflowY: 'auto' }}>
            <Menu.Item onClick={() => run({ type: 'assign', assigneeId: meId })}>{t('tickets.assignedToMe')}</Menu.Item>
            <Menu.Item onClick={() => run({ type: 'assign', assigneeId: null })}>{t('tickets.unassigned')}</Menu.Item>
            <Menu.Divider />
            {users.filter((u) => u.active && u.id !== meId).map((u) => <Menu.Item key={u.id} onClick={() => run({ type: 'assign', assigneeId: u.id })}>{u.name}</Menu.Item>)}
          </Menu.Dropdown>
        </Menu>
        <Button size="xs" variant="light" color="dark" onClick={() => run({ type: 'close' })} data-testid="bulk-close">{t('tickets.bulk.close')}</Button>
        <Group gap={4} wrap="nowrap">
          <TextInput size="xs" w={110} value={tag} onChange={(e) => setTag(e.currentTarget.value)} placeholder={t('tickets.fields.tag')} aria-label={t('tickets.fields.tag')} />
          <Button size="xs" variant="light" disabled={!tag.trim()} onClick={() => { run({ type: 'addTag', tag: tag.trim() }); setTag(''); }}>{t('tickets.bulk.tag')}</Button>
        </Group>
      </Group>
    </Paper>
  );
}
