// The conversation's header actions: assignee, resolve / reopen, and its ticket (open it, turn the conversation into
// a new one, or attach it to an existing one by id).
import { Anchor, Button, Group, Popover, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUserDirectory } from '../../../api/shared-queries';
import { errorMessage } from '../../../lib/error-message';
import { useAssign, useAttachTicket, useSetStatus, useToTicket, type Conversation } from '../api/inbox';

export function ConversationActions({ c, name }: { c: Conversation; name: string }) {
  const { t } = useTranslation();
  const users = useUserDirectory().data ?? [];
  const assign = useAssign(c.id);
  const status = useSetStatus(c.id);
  const toTicket = useToTicket(c.id);
  const attach = useAttachTicket(c.id);
  const [ticketId, setTicketId] = useState('');
  const failure = [assign, status, toTicket, attach].find((m) => m.error)?.error;
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        <Select
          size="xs"
          w={180}
          aria-label={t('inbox.assignee')}
          placeholder={t('inbox.unassigned')}
          clearable
          searchable
          value={c.assigneeId}
          data={users.map((u) => ({ value: u.id, label: u.name }))}
          onChange={(v) => assign.mutate({ assigneeId: v })}
        />
        {c.status === 'resolved' ? (
          <Button size="xs" variant="default" loading={status.isPending} onClick={() => status.mutate('open')}>{t('inbox.reopen')}</Button>
        ) : (
          <Button size="xs" color="green" loading={status.isPending} onClick={() => status.mutate('resolved')} data-testid="resolve">{t('inbox.resolve')}</Button>
        )}
        {c.ticketId ? (
          <Anchor component={Link} to={`/tickets/${c.ticketId}`} size="sm">{t('inbox.openTicket')}</Anchor>
        ) : (
          <>
            <Button size="xs" variant="light" loading={toTicket.isPending} onClick={() => toTicket.mutate({ subject: c.subject ?? c.lastMessagePreview?.slice(0, 80) ?? name })}>{t('inbox.toTicket')}</Button>
            <Popover width={260} position="bottom-end" withArrow>
              <Popover.Target>
                <Button size="xs" variant="subtle">{t('inbox.attachTicket')}</Button>
              </Popover.Target>
              <Popover.Dropdown>
                <TextInput size="xs" label={t('inbox.ticketId')} value={ticketId} onChange={(e) => setTicketId(e.currentTarget.value)} />
                <Button size="xs" mt="xs" disabled={!ticketId.trim()} loading={attach.isPending} onClick={() => attach.mutate(ticketId.trim())}>{t('inbox.attach')}</Button>
              </Popover.Dropdown>
            </Popover>
          </>
        )}
      </Group>
      {failure && <Anchor component="span" c="red" size="xs">{errorMessage(failure, t)}</Anchor>}
    </Stack>
  );
}
