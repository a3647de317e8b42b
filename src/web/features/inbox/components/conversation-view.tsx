// One conversation: who it is with and its actions, the messages (live), the reply box with an internal-note switch,
// and knowledge-base articles that may answer the customer's last message beside it.
import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowLeft } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../../lib/error-message';
import { ArticleSuggestions } from '../../knowledge';
import { useConversation, useMarkRead, useMessages, useReply } from '../api/inbox';
import { ConversationActions } from './conversation-actions';
import { conversationName } from './conversation-name';
import { MessageThread } from './message-thread';

export function ConversationView({ id }: { id: string }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const conv = useConversation(id);
  const messages = useMessages(id);
  const reply = useReply(id);
  const markRead = useMarkRead(id);
  const [text, setText] = useState('');
  const [note, setNote] = useState(false);
  const unread = conv.data?.unreadCount ?? 0;
  useEffect(() => {
    if (unread > 0 && !markRead.isPending) markRead.mutate(undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, unread]);
  if (conv.error) return <Alert color="red">{errorMessage(conv.error, t)}</Alert>;
  if (!conv.data) return null;
  const c = conv.data;
  const name = conversationName(c, t('inbox.visitor'));
  const lastCustomer = [...(messages.data ?? [])].reverse().find((m) => m.direction === 'in')?.bodyText ?? '';
  const send = () => {
    if (!text.trim()) return;
    reply.mutate({ bodyText: text, private: note }, { onSuccess: () => setText('') });
  };
  const box = (
    <Paper withBorder p="sm">
      <Textarea
        aria-label={t('inbox.reply')}
        placeholder={note ? t('inbox.notePlaceholder') : t('inbox.replyPlaceholder')}
        autosize
        minRows={2}
        maxRows={8}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send();
        }}
        data-testid="reply-text"
      />
      <Group justify="space-between" mt="xs">
        <Switch size="xs" label={t('inbox.internalNote')} checked={note} onChange={(e) => setNote(e.currentTarget.checked)} />
        <Button size="xs" onClick={send} loading={reply.isPending} disabled={!text.trim()} data-testid="send-reply">{note ? t('inbox.addNote') : t('inbox.send')}</Button>
      </Group>
      {reply.error && <Text c="red" size="xs" mt={4}>{errorMessage(reply.error, t)}</Text>}
    </Paper>
  );
  return (
    <Stack gap="sm" data-testid="conversation-view">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={0}>
          {phone && (
            <Anchor component={Link} to="/inbox" size="sm">
              <Group gap={4}><IconArrowLeft size={14} />{t('inbox.back')}</Group>
            </Anchor>
          )}
          <Group gap="xs">
            <Title order={4}>{c.contactId && c.contactName ? <Anchor component={Link} to={`/contacts/${c.contactId}`}>{name}</Anchor> : name}</Title>
            <Badge variant="light">{t(`inbox.channels.${c.channelKind}`)}</Badge>
            <Badge color={c.status === 'resolved' ? 'gray' : c.status === 'pending' ? 'yellow' : 'blue'}>{t(`inbox.statuses.${c.status}`)}</Badge>
          </Group>
          {c.visitorEmail && <Text size="xs" c="dimmed">{c.visitorEmail}</Text>}
        </Stack>
        <ConversationActions c={c} name={name} />
      </Group>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="sm">
            <Paper withBorder p="sm" mah={phone ? undefined : 'calc(100vh - 380px)'} style={{ overflowY: 'auto' }}>
              <MessageThread messages={messages.data ?? []} customerName={name} />
            </Paper>
            {box}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <ArticleSuggestions text={lastCustomer} language={c.language === 'zh-CN' ? 'zh-CN' : c.language === 'en' ? 'en' : undefined} onInsert={(s) => setText((x) => `${x}${x ? '\n' : ''}${s.title}: ${new URL(s.url, location.origin).href}`)} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
