// The bar under a contacts or companies list while rows are selected: how many, "select all N matching", the bulk
// actions (those the user's role may use), export of exactly the selection, and the progress of a bulk job.
import { useState, type ReactNode } from 'react';
import { Anchor, Button, CloseButton, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import { ExportMenu } from '../../../components/export-menu';
import { errorMessage } from '../../../lib/error-message';
import { useCanCall } from '../../auth';
import { useBulkDelete, useBulkRecords, type BulkAction, type BulkResult, type ListFilter, type ListObject } from '../api/bulk-records';
import { useRecordCount } from '../api/list-count';
import type { BulkSelectionState } from './use-bulk-selection';
import { BulkOwnerPicker, BulkTagPicker } from './bulk-action-menus';
import { BulkJobStatus } from './bulk-job-status';

export interface BulkActionProps {
  disabled: boolean;
  onAction: (action: BulkAction) => void;
}

interface Props {
  object: ListObject;
  selection: BulkSelectionState;
  filter: ListFilter;
  /** The list's sort, so an export of the selection comes out in the order shown. */
  sort?: string;
  /** Actions only this list has (a contact's lifecycle stage). */
  extraActions?: (p: BulkActionProps) => ReactNode;
}

export function BulkActionBar({ object, selection, filter, sort, extraActions }: Props) {
  const { t } = useTranslation();
  // Managers and administrators may delete in bulk (the server refuses others), so others never see the button.
  const canDelete = useCanCall(`POST /${object}/bulk-delete`);
  const bulk = useBulkRecords(object);
  const remove = useBulkDelete(object);
  const [job, setJob] = useState<{ id: string; count: number | null; deleting: boolean } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const busy = bulk.isPending || remove.isPending;
  const counted = useRecordCount(object, filter, selection.pageSelected || selection.allMatching).data;
  const matching = counted?.total ?? null;
  const approx = counted?.estimated ? '~' : '';
  const count = selection.allMatching ? matching : selection.count;
  // Sentences naming the records ("Delete 3 companies?") come in a company form beside the contact one.
  const context = object === 'companies' ? 'company' : undefined;
  const request = selection.toRequest();

  const started = (deleting: boolean) => (r: BulkResult) => {
    if (r.mode === 'inline') notifications.show({ color: 'green', message: t('bulk.doneCounts', { changed: r.changed, skipped: r.skipped }) });
    else setJob({ id: r.jobId, count, deleting });
    selection.clear();
  };
  const failed = (err: unknown) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) });
  const onAction = (action: BulkAction) => bulk.mutate({ selection: request, action }, { onSuccess: started(false), onError: failed });
  const onDelete = () => {
    setConfirming(false);
    remove.mutate(request, { onSuccess: started(true), onError: failed });
  };
  const n = count === null ? null : { count, formatted: approx + count.toLocaleString(), context };

  if (!selection.someSelected && !job) return null;
  return (
    <Paper withBorder shadow="md" p="xs" mt="sm" pos="sticky" bottom={8} style={{ zIndex: 5 }} data-testid="bulk-bar">
      <Stack gap={6}>
        {selection.someSelected && (
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Group gap="xs" wrap="wrap">
              <Text size="sm" fw={600} data-testid="bulk-count">
                {n === null ? t('bulk.allMatching', { context }) : t('bulk.selected', n)}
              </Text>
              {selection.pageSelected && !selection.allMatching && (matching === null || matching > selection.count) && (
                <Anchor component="button" size="sm" onClick={selection.selectAllMatching} data-testid="bulk-select-all">
                  {matching !== null ? t('bulk.selectAllMatching', { count: matching, formatted: approx + matching.toLocaleString() }) : t('bulk.selectAllMatchingUnknown', { context })}
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
            {extraActions?.({ disabled: busy, onAction })}
            <ExportMenu object={object} params={{ ...filter, sort }} ids={'ids' in request ? request.ids : undefined} size="xs" label={t('bulk.exportSelected')} />
            {canDelete && (
              <Button size="xs" color="red" variant="light" leftSection={<IconTrash size={14} />} disabled={busy} onClick={() => setConfirming(true)} data-testid="bulk-delete">
                {t('bulk.delete')}
              </Button>
            )}
          </Group>
        )}
        {job && <BulkJobStatus object={object} jobId={job.id} count={job.count} deleting={job.deleting} onClose={() => setJob(null)} />}
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('bulk.deleteTitle', { context })} centered>
        <Text size="sm">{n === null ? t('bulk.deleteConfirmAll', { context }) : t('bulk.deleteConfirm', n)}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
          <Button color="red" onClick={onDelete} data-testid="bulk-delete-confirm">{n === null ? t('bulk.delete') : t('bulk.deleteConfirmButton', n)}</Button>
        </Group>
      </Modal>
    </Paper>
  );
}
