// Merging a ticket into another: "Merge into…" opens a picker and a confirmation; afterwards a notification offers
// Undo, and the merged ticket carries a banner naming (and linking) the ticket it went into, with Undo while it may.
import { Alert, Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowMerge } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { errorMessage } from '../../../lib/error-message';
import { useMergeTicket, useTicketTimeline, useUndoTicketMerge, type Ticket } from '../api/tickets';
import { TicketPicker } from './record-pickers';

function useUndo() {
  const { t } = useTranslation();
  const undo = useUndoTicketMerge();
  const run = (mergeId: string) => undo.mutate(mergeId, {
    onSuccess: () => notifications.show({ color: 'green', message: t('tickets.merge.undone') }),
    onError: (err) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) }),
  });
  return { run, pending: undo.isPending };
}

export function MergeTicketButton({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState<{ id: string; label: string } | null>(null);
  const merge = useMergeTicket(ticket.id);
  const undo = useUndo();
  if (ticket.mergedIntoId || ticket.status === 'closed') return null;
  const close = () => { setOpen(false); setTarget(null); merge.reset(); };
  const confirm = () => target && merge.mutate(target.id, {
    onSuccess: (m) => {
      close();
      const id = `ticket-merge-${m.id}`;
      notifications.show({
        id, autoClose: 15_000, color: 'blue',
        message: (
          <Group justify="space-between" gap="xs" wrap="nowrap" data-testid="merge-notice">
            <Text size="sm">{t('tickets.merge.done', { target: target.label })}</Text>
            <Button size="compact-xs" variant="light" data-testid="merge-undo-notice" onClick={() => { notifications.hide(id); undo.run(m.id); }}>{t('tickets.merge.undo')}</Button>
          </Group>
        ),
      });
    },
  });
  return (
    <>
      <Button size="xs" variant="default" leftSection={<IconArrowMerge size={14} />} onClick={() => setOpen(true)} data-testid="merge-ticket">{t('tickets.merge.action')}</Button>
      <Modal opened={open} onClose={close} title={t('tickets.merge.title', { number: ticket.number })}>
        <Stack gap="sm">
          <TicketPicker exclude={ticket.id} value={target?.id ?? null} valueLabel={target?.label} onChange={(id, label) => setTarget(id ? { id, label: label ?? '' } : null)} />
          <Text size="sm" c="dimmed">{t('tickets.merge.explain', { number: ticket.number })}</Text>
          {merge.error && <ErrorAlert error={merge.error} />}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
            <Button color="orange" disabled={!target} loading={merge.isPending} onClick={confirm} data-testid="merge-confirm">{t('tickets.merge.confirm')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** On a merged ticket: where it went, with Undo while the merge (found on its timeline) may still be undone. */
export function MergedBanner({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const timeline = useTicketTimeline(ticket.id);
  const undo = useUndo();
  if (!ticket.mergedIntoId) return null;
  const merges = (timeline.data?.pages.flatMap((p) => p.data) ?? []).filter((i) => i.kind === 'merge' && i.data.intoId === ticket.mergedIntoId);
  const last = merges[merges.length - 1];
  const mergeId = last && !last.data.undone ? String(last.data.mergeId) : null;
  return (
    <Alert color="gray" py="xs" data-testid="merged-banner">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text size="sm">
          {t('tickets.merge.mergedInto')}{' '}
          <Anchor component={Link} to={`/tickets/${ticket.mergedIntoId}`} data-testid="merged-into-link">#{ticket.mergedIntoNumber ?? '…'}</Anchor>
        </Text>
        {mergeId && <Button size="compact-xs" variant="default" loading={undo.pending} onClick={() => undo.run(mergeId)} data-testid="merge-undo">{t('tickets.merge.undo')}</Button>}
      </Group>
    </Alert>
  );
}
