// A conversation's messages as chat bubbles: the customer on the left, agents and the bot on the right, internal
// notes marked and tinted; an e-mail with HTML shown sanitised (MessageBody: no script, images on request).
import { Badge, Box, Group, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { MessageBody } from '../../email';
import { SentimentBadge, useSentiments } from '../../sentiment';
import type { InboxMessage } from '../api/inbox';

export function MessageThread({ messages, customerName }: { messages: InboxMessage[]; customerName: string }) {
  const { t } = useTranslation();
  const end = useRef<HTMLDivElement>(null);
  // The customer's messages carry their sentiment; an angry one is a red badge and a red edge on the bubble.
  const sentiments = useSentiments('message', messages.filter((m) => m.direction === 'in' && !m.private).map((m) => m.id)).data;
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'end' });
  }, [messages.length]);
  return (
    <Stack gap="xs" data-testid="message-thread">
      {messages.map((m) => {
        const mine = m.direction === 'out';
        const sentiment = sentiments?.get(m.id);
        const angry = sentiment?.emotion === 'anger';
        const who = m.authorKind === 'bot' ? t('inbox.bot') : mine ? (m.authorName ?? t('inbox.agent')) : customerName;
        return (
          <Box key={m.id} style={{ alignSelf: mine ? 'flex-end' : 'flex-start', maxWidth: '85%' }} data-testid="message" data-angry={angry || undefined}>
            <Paper p="xs" radius="md" withBorder style={angry ? { borderColor: 'var(--mantine-color-red-6)', borderWidth: 2 } : undefined} bg={m.private ? 'var(--mantine-color-yellow-light)' : mine ? 'var(--mantine-color-blue-light)' : undefined}>
              <Group gap={6} mb={2}>
                <Text size="xs" fw={600}>{who}</Text>
                {m.private && <Badge size="xs" color="yellow">{t('inbox.note')}</Badge>}
                <Text size="xs" c="dimmed">{formatDateTime(m.createdAt)}</Text>
                {sentiment && <SentimentBadge value={sentiment} />}
              </Group>
              {m.hasHtml ? <MessageBody messageId={m.id} bodyText={m.bodyText} hasHtml /> : <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{m.bodyText}</Text>}
            </Paper>
          </Box>
        );
      })}
      <div ref={end} />
    </Stack>
  );
}
