// The bar under the contacts list while rows are selected: how many, "select all N matching", the bulk actions
// (those the user's role may use), and the progress of a bulk job.
import { useState } from 'react';
import { Anchor, Button, CloseButton, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import { ExportMenu } from '../../../components/export-menu';
import { errorMessage } from '../../../lib/error-message';
import { useMe } from '../../auth';
import { useBulkContacts, useBulkDelete, useMatchingCount, type BulkAction, type BulkResult } from '../api/bulk-contacts';
import type { ContactListParams } from '../api/get-contacts';
import type { BulkSelectionState } from './use-bulk-selection';
import { BulkOwnerPicker, BulkStageMenu, BulkTagPicker } from './bulk-action-menus';
import { BulkJobStatus } from './bulk-job-status';

interface Props {
  selection: BulkSelectionState;
  filter: Omit<ContactListParams, 'sort'>;
  /** Contacts matching the filter, when the list knows it. */
  total: number | null;
}

export function BulkActionBar({ selection, filter, total }: Props) {
  const { t } = useTranslation();
  // Managers and administrators may delete in bulk (the server refuses others), so others never see the button.
  const role = useMe().data?.role;
  const canDelete = role === 'admin' || role === 'manager';
  const bulk = useBulkContacts();
  const remove = useBulkDelete();
  const [job, setJob] = useState<{ id: string; count: number | null; deleting: boolean } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const busy = bulk.isPending || remove.isPending;
  const counted = useMatchingCount(filter, total === null && (selection.pageSelected || selection.allMatching)).data;
  const matching = total ?? counted?.total ?? null;
  const approx = total === null && counted?.estimated ? '~' : '';
  const count = selection.allMatching ? matching : selection.count;
  const countForJob = count;

  const started = (deleting: boolean) => (r: BulkResult) => {
    if (r.mode === 'inline') notifications.show({ color: 'green', message: t('bulk.doneCounts', { changed: r.changed, skipped: r.skipped }) });
    else setJob({ id: r.jobId, count: countForJob, deleting });
    selection.clear();
  };
  const failed = (err: unknown) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) });
  const onAction = (action: BulkAction) => bulk.mutate({ selection: selection.toRequest(), action }, { onSuccess: started(false), onError: failed });
  const onDelete = () => {
    setConfirming(false);
    remove.mutate(selection.toRequest(), { onSuccess: started(true), onError: failed });
  };

  if (!selection.someSelected && !job) return null;
  return (
    <Paper withBorder shadow="md" p="xs" mt="sm" pos="sticky" bottom={8} style={{ zIndex: 5 }} data-testid="bulk-bar">
      <Stack gap={6}>
        {selection.someSelected && (
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Group gap="xs" wrap="wrap">
              <Text size="sm" fw={600} data-testid="bulk-count">
                {count === null ? t('bulk.allMatching') : t('bulk.selected', { count, formatted: approx + count.toLocaleString() })}
              </Text>
              {selection.pageSelected && !selection.allMatching && (matching === null || matching > selection.count) && (
                <Anchor component="button" size="sm" onClick={selection.selectAllMatching} data-testid="bulk-select-all">
                  {matching !== null ? t('bulk.selectAllMatching', { count: matching, formatted: approx + matching.toLocaleString() }) : t('bulk.selectAllMatchingUnknown')}
                </Anchor>
              )}
            </Group>
            <CloseButton size="sm" aria-label={t('bulk.clear')} onClick={selection.clear} />
          </Group>
        )}
        {selection.someSelected && (
          <Group gap="xs" wrap="wrap">
            <BulkOwnerPicker disabled={busy} onAction={onAction} />
            <BulkTagPicker disabled={busy} onAction={onAction} />
            <BulkStageMenu disabled={busy} onAction={onAction} />
            {selection.allMatching && <ExportMenu object="contacts" params={{ ...filter }} />}
            {canDelete && (
              <Button size="xs" color="red" variant="light" leftSection={<IconTrash size={14} />} disabled={busy} onClick={() => setConfirming(true)} data-testid="bulk-delete">
                {t('bulk.delete')}
              </Button>
            )}
          </Group>
        )}
        {job && <BulkJobStatus jobId={job.id} count={job.count} deleting={job.deleting} onClose={() => setJob(null)} />}
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('bulk.deleteTitle')} centered>
        <Text size="sm">{count === null ? t('bulk.deleteConfirmAll') : t('bulk.deleteConfirm', { count, formatted: approx + count.toLocaleString() })}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
          <Button color="red" onClick={onDelete} data-testid="bulk-delete-confirm">{count === null ? t('bulk.delete') : t('bulk.deleteConfirmButton', { count, formatted: approx + count.toLocaleString() })}</Button>
        </Group>
      </Modal>
    </Paper>
  );
}
