// The header bell: unread count, a popover with my latest notifications; opening one marks it read and goes to its record.
import { ActionIcon, Box, Button, Group, Indicator, Popover, ScrollArea, Skeleton, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { errorMessage } from '../../../lib/error-message';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { explainAssignment, readSteps } from '../../../lib/assignment-steps';
import { serviceNotificationText } from '../../../lib/service-notifications';
import { useMarkRead, useNotifications, type Notification } from '../api/notifications';

const LINKS: Record<string, string> = { contact: '/contacts', company: '/companies', deal: '/deals', ticket: '/tickets' };

export function NotificationBell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const list = useNotifications();
  const markRead = useMarkRead();
  const navigate = useNavigate();
  const unread = list.data?.unread ?? 0;

  // The server's title and body are English; the params of known kinds say them in the reader's language.
  const title = (n: Notification) => {
    const p = n.params;
    const service = serviceNotificationText(n, t);
    if (service) return service.title;
    if (n.kind === 'leads.assigned' && p?.count !== undefined) return t('notifications.leadsImported', { count: p.count, fileName: p.fileName });
    if (n.kind === 'task.reminder' && p?.subject !== undefined) return t('notifications.taskReminder', { subject: p.subject });
    if (n.kind === 'alert.new' && p?.rule) return t('notifications.alertNew', { rule: t(`alerts.rules.${p.rule}`), name: p.name ?? `#${p.number ?? ''}` });
    if (!p?.name) return n.title;
    if (n.kind === 'lead.assigned') return t(p.handed ? 'notifications.leadHandedToYou' : 'notifications.newLead', { name: p.name });
    if (n.kind === 'lead.reassigned') {
      const from = p.from ?? t('notifications.someone');
      return p.to ? t('notifications.leadReassigned', { name: p.name, from, to: p.to }) : t('notifications.leadUntouched', { name: p.name, from });
    }
    return n.title;
  };
  const body = (n: Notification) => {
    const service = serviceNotificationText(n, t);
    if (service) return service.body;
    if (n.kind === 'task.reminder' && n.params?.dueAt) return t('notifications.taskReminderBody', { date: formatDateTime(n.params.dueAt), about: n.params.about ?? '' });
    // Notifications from before steps had a kind keep the server's English text.
    const steps = readSteps(n.params?.steps);
    return steps ? explainAssignment(steps, t) : n.body;
  };

  const open = (n: Notification) => {
    if (!n.read) markRead.mutate(n.id);
    const base = n.entity ? LINKS[n.entity] : undefined;
    if (base && n.entityId) {
      close();
      void navigate(n.entity === 'deal' ? base : `${base}/${n.entityId}`);
    }
  };

  return (
    <Popover opened={opened} onChange={(o) => !o && close()} position="bottom-end" width={360} shadow="md" withinPortal>
      <Popover.Target>
        <Indicator label={unread > 99 ? '99+' : unread} size={16} color="red" disabled={unread === 0} offset={4}>
          <ActionIcon variant="default" size="lg" onClick={toggle} data-testid="notification-bell" aria-label={unread ? t('notifications.titleUnread', { count: unread }) : t('notifications.title')}>
            <IconBell size={18} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} maw="calc(100vw - 16px)">
        <Group justify="space-between" px="sm" py="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
          <Text fw={600}>{t('notifications.title')}</Text>
          {unread > 0 && <Text size="xs" c="dimmed">{t('notifications.unread', { count: unread })}</Text>}
        </Group>
        <ScrollArea.Autosize mah={420}>
          {list.isPending ? (
            <Stack p="sm" gap="xs">{[0, 1, 2].map((i) => <Skeleton key={i} h={44} />)}</Stack>
          ) : list.error ? (
            <Stack p="sm" gap="xs" align="flex-start">
              <Text size="sm" c="red">{errorMessage(list.error, t)}</Text>
              <Button size="xs" variant="default" onClick={() => void list.refetch()}>{t('common.retry')}</Button>
            </Stack>
          ) : list.data.data.length === 0 ? (
            <Box px="md"><EmptyState icon={<IconBell size={28} />} title={t('notifications.empty')} description={t('notifications.emptyHint')} /></Box>
          ) : (
            list.data.data.map((n) => (
              <UnstyledButton
                key={n.id}
                onClick={() => open(n)}
                w="100%"
                px="sm"
                py="xs"
                bg={n.read ? undefined : 'var(--mantine-color-indigo-0)'}
                style={{ borderBottom: '1px solid var(--mantine-color-gray-1)', display: 'block' }}
              >
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Box w={8} h={8} mt={6} style={{ borderRadius: 8, flexShrink: 0 }} bg={n.read ? 'transparent' : 'indigo'} aria-hidden />
                  <Box style={{ minWidth: 0, flex: 1 }}>
                    <Text size="sm" fw={n.read ? 400 : 600} style={{ overflowWrap: 'anywhere' }}>{title(n)}</Text>
                    {body(n) && <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{body(n)}</Text>}
                    <Text size="xs" c="dimmed">{formatRelative(n.createdAt)}{n.read ? '' : ` · ${t('notifications.new')}`}</Text>
                  </Box>
                </Group>
              </UnstyledButton>
            ))
          )}
        </ScrollArea.Autosize>
        {list.data?.nextCursor && <Text size="xs" c="dimmed" ta="center" py={6}>{t('notifications.latestOnly')}</Text>}
      </Popover.Dropdown>
    </Popover>
  );
}
