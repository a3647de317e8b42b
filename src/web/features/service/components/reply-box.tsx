// Writing on a ticket: a public reply to the customer or an internal note, with a macro picker that fills the text
// (rendered on the server for this ticket) and whose actions apply when the reply is sent.
import { Button, Group, Paper, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/error-message';
import { renderMacro, useMacros } from '../api/macros';
import { useTicketWrite, type Ticket } from '../api/tickets';

export function ReplyBox({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'reply' | 'note'>('reply');
  const [body, setBody] = useState('');
  const [macroId, setMacroId] = useState<string | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const macros = useMacros().data ?? [];
  const write = useTicketWrite(ticket.id);
  const fail = (err: unknown) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) });
  const pickMacro = async (id: string | null) => {
    setMacroId(id);
    if (!id) return;
    try {
      const r = await renderMacro(id, ticket.id);
      setBody(r.text);
      setMissing(r.missing);
      setMode('reply');
    } catch (err) {
      fail(err);
    }
  };
  const send = () =>
    write.mutate({ note: mode === 'note', body, macroId: mode === 'reply' ? (macroId ?? undefined) : undefined }, {
      onSuccess: () => { setBody(''); setMacroId(null); setMissing([]); },
      onError: fail,
    });
  if (ticket.status === 'closed' || ticket.mergedIntoId) return <Text size="sm" c="dimmed">{t('tickets.closedNoReply')}</Text>;
  return (
    <Paper withBorder p="sm" bg={mode === 'note' ? 'yellow.0' : undefined} data-testid="reply-box">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <SegmentedControl size="xs" value={mode} onChange={(v) => setMode(v as 'reply' | 'note')} data={[{ value: 'reply', label: t('tickets.reply') }, { value: 'note', label: t('tickets.internalNote') }]} data-testid="reply-mode" />
          <Select size="xs" w={220} clearable searchable placeholder={t('tickets.macro')} aria-label={t('tickets.macro')} value={macroId} onChange={(v) => void pickMacro(v)} data={macros.map((m) => ({ value: m.id, label: m.name }))} data-testid="macro-picker" />
        </Group>
        <Textarea autosize minRows={3} maxRows={14} value={body} onChange={(e) => setBody(e.currentTarget.value)} placeholder={mode === 'note' ? t('tickets.notePlaceholder') : t('tickets.replyPlaceholder')} aria-label={t('tickets.reply')} data-testid="reply-text" />
        {missing.length > 0 && <Text size="xs" c="orange">{t('tickets.macroMissing', { names: missing.join(', ') })}</Text>}
        <Group justify="flex-end">
          <Button size="sm" color={mode === 'note' ? 'yellow' : undefined} disabled={!body.trim()} loading={write.isPending} onClick={send} data-testid="reply-send">
            {mode === 'note' ? t('tickets.addNote') : t('tickets.send')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
